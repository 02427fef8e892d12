import { parse } from '../args.js';
import { locateDatabase, withDatabase } from '../../triage/db.js';
import { copyRaw, type ByteSink } from '../../triage/raw.js';
import { runFile } from '../../triage/run-files.js';
import type { CommandContext } from './run.js';

export const STDERR_HELP = `Usage: io-trace stderr [options] [RUN]

Prints the build's stderr of a run (default: the latest) exactly as recorded, to stdout (pipeable).

Options:
  --db FILE|DIR     trace database, or a folder holding trace.db (default .io-trace/trace.db)
  --stdout          print the build's stdout instead
`;

export async function stderrCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parse('stderr', ctx.argv, {
    db: { type: 'string' },
    stdout: { type: 'boolean' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    ctx.stdout.write(STDERR_HELP);
    return 0;
  }
  const dbFile = locateDatabase(ctx.cwd, values.db);
  const { run, file } = await withDatabase(dbFile, (store) => {
    const run = store.resolveRun(positionals[0]);
    return { run, file: runFile(dbFile, run, values.stdout ? 'stdout' : 'stderr') };
  });
  await copyRaw(file, run.id, dbFile, ctx.stdout as ByteSink);
  return 0;
}
