import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { oneOf, parse } from '../args.js';
import { renderHtmlReport } from '../../report/html.js';
import type { RunRecord } from '../../store/store.js';
import { locateDatabase, withDatabase } from '../../triage/db.js';
import { collectHtmlRun } from '../../triage/html-data.js';
import { combinedStatus, storedReport } from '../../triage/stored-report.js';
import { IO_TRACE_VERSION } from '../../version.js';
import type { CommandContext } from './run.js';

export const REPORT_HELP = `Usage: io-trace report [options] [RUN...]

Writes a report of recorded runs (default: the latest run) from a trace database.

Options:
  --db FILE|DIR          trace database, or a folder holding trace.db (default .io-trace/trace.db)
  --format html|json     html: one self-contained page (summary, findings with fixes and a filter,
                         a per-task timeline); json: the JSON report (default html)
  --all                  every run in the database (e.g. after io-trace merge)
  --out FILE             where to write (default: stdout)
`;

export async function reportCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parse('report', ctx.argv, {
    db: { type: 'string' },
    format: { type: 'string' },
    all: { type: 'boolean' },
    out: { type: 'string' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    ctx.stdout.write(REPORT_HELP);
    return 0;
  }
  const format = oneOf('--format', values.format, ['html', 'json'] as const, 'html');
  const dbFile = locateDatabase(ctx.cwd, values.db);
  const text = await withDatabase(dbFile, (store) => {
    const runs: RunRecord[] = values.all ? store.listRuns(Number.MAX_SAFE_INTEGER).reverse() : positionals.length ? positionals.map((p) => store.resolveRun(p)) : [store.resolveRun(undefined)];
    if (format === 'json') {
      const reports = runs.map((r) => storedReport(store, r));
      const value = reports.length === 1 && !values.all ? reports[0] : { schemaVersion: 1, kind: 'multi-run', status: combinedStatus(reports), runs: reports };
      return JSON.stringify(value, null, 2) + '\n';
    }
    return renderHtmlReport(
      runs.map((r) => collectHtmlRun(store, r)),
      { generatedAt: Date.now(), database: dbFile, version: IO_TRACE_VERSION },
    );
  });
  if (values.out) {
    const out = path.resolve(ctx.cwd, values.out);
    writeFileSync(out, text);
    ctx.stderr.write(`io-trace: wrote ${format} report to ${path.relative(ctx.cwd, out) || out}\n`);
  } else {
    ctx.stdout.write(text);
  }
  return 0;
}
