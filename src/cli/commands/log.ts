import { parse } from '../args.js';
import { locateDatabase, withDatabase } from '../../triage/db.js';
import { copyRaw, type ByteSink } from '../../triage/raw.js';
import { runFile } from '../../triage/run-files.js';
import type { CommandContext } from './run.js';

export const LOG_HELP = `Usage: io-trace log [options] [RUN]

Prints a run's console output (default: the latest run): the build's stdout and stderr interleaved in
the order they arrived, exactly as recorded. For one stream alone: io-trace stderr [--stdout]; for an
agent's own JSONL: io-trace transcript.

Options:
  --db FILE|DIR     trace database, or a folder holding trace.db (default .io-trace/trace.db)
`;

export async function logCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parse('log', ctx.argv, {
    db: { type: 'string' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    ctx.stdout.write(LOG_HELP);
    return 0;
  }
  const dbFile = locateDatabase(ctx.cwd, values.db);
  const { run, file } = await withDatabase(dbFile, (store) => {
    const run = store.resolveRun(positionals[0]);
    return { run, file: runFile(dbFile, run, 'log') };
  });
  await copyRaw(file, run.id, dbFile, ctx.stdout as ByteSink);
  return 0;
}
