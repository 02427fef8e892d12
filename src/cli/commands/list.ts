import { parse } from '../args.js';
import { ConfigurationError } from '../../core/errors.js';
import { locateDatabase, withDatabase } from '../../triage/db.js';
import { age, colors, displayCommand, duration, safe, table } from '../../triage/format.js';
import { listRunSummaries, type RunSummary } from '../../triage/queries.js';
import type { CommandContext } from './run.js';

export const LIST_HELP = `Usage: io-trace list [options]

Lists the recent runs in a trace database, newest first.

Options:
  --db FILE|DIR     trace database, or a folder holding trace.db (a downloaded artifact)
                    (default .io-trace/trace.db)
  --limit N         how many runs (default 20)
  --json            machine-readable output
`;

/** Colour for stdout tables: only on a terminal, never with NO_COLOR (main.ts decides ctx.color). */
export function stdoutColor(ctx: CommandContext): boolean {
  return ctx.color && (ctx.stdout as { isTTY?: boolean }).isTTY === true;
}

export function statusColor(status: string, c: ReturnType<typeof colors>): string {
  return status === 'clean' ? c.green(status) : status === 'issues' || status === 'failed' ? c.red(status) : status === 'running' ? status : c.yellow(status);
}

export async function listCommand(ctx: CommandContext): Promise<number> {
  const { values } = parse('list', ctx.argv, {
    db: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    ctx.stdout.write(LIST_HELP);
    return 0;
  }
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new ConfigurationError(`--limit ${JSON.stringify(values.limit)}: use a positive whole number`);
  const dbFile = locateDatabase(ctx.cwd, values.db);
  const runs = await withDatabase(dbFile, (store) => listRunSummaries(store, limit));
  if (values.json) {
    ctx.stdout.write(JSON.stringify({ database: dbFile, runs }, null, 2) + '\n');
    return 0;
  }
  ctx.stdout.write(formatRunList(runs, stdoutColor(ctx)));
  return 0;
}

export function formatRunList(runs: RunSummary[], color: boolean, now = Date.now()): string {
  if (runs.length === 0) return 'no runs recorded yet\n';
  const c = colors(color);
  const withSource = runs.some((r) => r.source);
  const header = ['RUN', 'STATUS', 'EXIT', 'FINDINGS', 'SPANS', 'AGE', 'TIME', ...(withSource ? ['SOURCE'] : []), 'COMMAND'];
  const rows = runs.map((r) => [
    String(r.id),
    statusColor(r.status, c),
    r.signal ?? (r.exitCode === null ? '-' : String(r.exitCode)),
    r.findings.total === 0 ? '0' : `${r.findings.total} (${r.findings.error}e ${r.findings.warning}w ${r.findings.info}i)`,
    r.failedSpans ? `${r.spans} (${c.red(`${r.failedSpans} failed`)})` : String(r.spans),
    age(r.startedAt, now),
    duration(r.durationMs),
    ...(withSource ? [r.source ? safe(r.source) : '-'] : []),
    displayCommand(r.command),
  ]);
  return table(header, rows);
}
