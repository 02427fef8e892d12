import { parse } from '../args.js';
import { locateDatabase, withDatabase } from '../../triage/db.js';
import { ChunkedWriter, colors, safe, table } from '../../triage/format.js';
import { parseOps, runFiles } from '../../triage/queries.js';
import { errnoName } from '../../triage/timeline.js';
import { stdoutColor } from './list.js';
import type { CommandContext } from './run.js';

export const FILES_HELP = `Usage: io-trace files [options] [RUN]

Lists the files a run (default: the latest) touched: one row per task, operation, result and path,
folded over processes (COUNT is how many times, PROCS by how many processes).

Options:
  --db FILE|DIR     trace database, or a folder holding trace.db (default .io-trace/trace.db)
  --task T          only this task's processes
  --op OP           only these operations (repeatable or comma-separated): read, write, create,
                    truncate, stat, readdir, unlink, rmdir, mkdir, rename_from, rename_to, link, exec,
                    or the groups reads (read, exec) and writes (everything that changes a file)
  --ok              only successful accesses (no failed probes)
  --json            machine-readable output (exact absolute paths)
`;

export async function filesCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parse('files', ctx.argv, {
    db: { type: 'string' },
    task: { type: 'string' },
    op: { type: 'string', multiple: true },
    ok: { type: 'boolean' },
    json: { type: 'boolean' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    ctx.stdout.write(FILES_HELP);
    return 0;
  }
  const ops = parseOps(values.op);
  const dbFile = locateDatabase(ctx.cwd, values.db);
  return withDatabase(dbFile, (store) => {
    const run = store.resolveRun(positionals[0]);
    const rows = runFiles(store, run, { ...(values.task !== undefined ? { task: values.task } : {}), ...(ops ? { ops } : {}), failed: !values.ok });
    if (values.json) {
      const w = new ChunkedWriter(ctx.stdout);
      w.line(`{"database":${JSON.stringify(dbFile)},"run":${run.id},"workspaceRoot":${JSON.stringify(run.workspaceRoot ?? run.cwd)},"files":[`);
      rows.forEach((r, i) => w.line((i ? ',' : '') + JSON.stringify(r)));
      w.line(']}');
      w.flush();
      return 0;
    }
    const c = colors(stdoutColor(ctx));
    if (rows.length === 0) {
      ctx.stdout.write(`no file accesses in run ${run.id} match\n`);
      return 0;
    }
    ctx.stdout.write(
      table(
        ['TASK', 'OP', 'RESULT', 'COUNT', 'PROCS', 'PATH'],
        rows.map((r) => [r.task === null ? c.dim('-') : safe(r.task), r.op, r.errno ? c.yellow(errnoName(r.errno)) : 'ok', String(r.count), String(r.processes), safe(r.display)]),
      ),
    );
    return 0;
  });
}
