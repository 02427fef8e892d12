import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '../args.js';
import { ConfigurationError } from '../../core/errors.js';
import { mergeDatabases } from '../../store/merge.js';
import { locateDatabase, withDatabase } from '../../triage/db.js';
import { safe } from '../../triage/format.js';
import { listRunSummaries } from '../../triage/queries.js';
import { combinedStatus, storedReport } from '../../triage/stored-report.js';
import { formatRunList, stdoutColor } from './list.js';
import type { CommandContext } from './run.js';

export const MERGE_HELP = `Usage: io-trace merge [options] DB... --out FILE

Combines the runs of several trace databases (matrix jobs, several agents) into one database. Each run
gets a new id and keeps where it came from (shown by list and show); its logs are copied beside the new
database. Prints the combined verdict.

Arguments:
  DB                a trace.db, or a downloaded artifact folder holding one
Options:
  --out FILE        the merged database (required; must not exist unless --force)
  --force           replace --out if it exists
  --json FILE       write one combined JSON report (every run's report and the combined status)
  --no-logs         do not copy logs (paths then point at the inputs' folders)
`;

export async function mergeCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parse('merge', ctx.argv, {
    out: { type: 'string' },
    force: { type: 'boolean' },
    json: { type: 'string' },
    'no-logs': { type: 'boolean' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    ctx.stdout.write(MERGE_HELP);
    return 0;
  }
  if (!values.out) throw new ConfigurationError('io-trace merge: --out FILE is required (the merged database to write)');
  if (positionals.length === 0) throw new ConfigurationError('io-trace merge: give the databases to merge, e.g. io-trace merge linux/trace.db mac/trace.db --out all.db');
  const inputs = positionals.map((p) => locateDatabase(ctx.cwd, p));
  const out = path.resolve(ctx.cwd, values.out);
  const result = mergeDatabases(inputs, out, {
    force: values.force === true,
    copyLogs: !values['no-logs'],
    // Name each source as the user gave it (the artifact folder says which job it was).
    label: (file) => positionals[inputs.indexOf(file)] ?? file,
  });
  for (const w of result.warnings) ctx.log.warn(safe(w));
  return withDatabase(out, (store) => {
    const reports = store.listRuns(Number.MAX_SAFE_INTEGER).reverse().map((run) => storedReport(store, run));
    const status = combinedStatus(reports);
    if (values.json) {
      const combined = {
        schemaVersion: 1,
        tool: reports[0]?.tool ?? { name: 'io-trace', version: '' },
        kind: 'merged',
        status,
        sources: result.runs,
        counts: reports.reduce((acc, r) => ({ error: acc.error + r.counts.error, warning: acc.warning + r.counts.warning, info: acc.info + r.counts.info }), { error: 0, warning: 0, info: 0 }),
        runs: reports,
      };
      writeFileSync(path.resolve(ctx.cwd, values.json), JSON.stringify(combined, null, 2) + '\n');
    }
    ctx.stdout.write(`io-trace: merged ${result.runs.length} run${result.runs.length === 1 ? '' : 's'} from ${inputs.length} database${inputs.length === 1 ? '' : 's'} into ${safe(path.relative(ctx.cwd, out) || out)}: ${status}\n`);
    ctx.stdout.write(formatRunList(listRunSummaries(store, Number.MAX_SAFE_INTEGER), stdoutColor(ctx)));
    return 0;
  });
}
