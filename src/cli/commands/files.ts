import { parse } from '../args.js';
import { locateDatabase, withDatabase } from '../../triage/db.js';
import { ChunkedWriter, colors, safe } from '../../triage/format.js';
import { iterateRunFiles, parseOps } from '../../triage/queries.js';
import { errnoName } from '../../triage/timeline.js';
import { attributeToolCalls, findCall, type CallFile } from '../../triage/tool-calls.js';
import { loadRunTranscript } from '../../triage/transcript.js';
import { StoreError } from '../../core/errors.js';
import { stdoutColor } from './list.js';
import type { CommandContext } from './run.js';

export const FILES_HELP = `Usage: io-trace files [options] [RUN]

Lists the files a run (default: the latest) touched: one row per task, operation, result and path,
folded over processes (COUNT is how many times, PROCS by how many processes).

Options:
  --db FILE|DIR     trace database, or a folder holding trace.db (default .io-trace/trace.db)
  --task T          only this task's processes
  --tool-call ID    only what this tool call of an agent run touched (IDs: io-trace show RUN --full)
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
    'tool-call': { type: 'string' },
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
    if (values['tool-call'] !== undefined) {
      const transcript = loadRunTranscript(dbFile, run);
      if (!transcript) throw new StoreError(`run ${run.id} in ${dbFile} has no agent transcript, so no tool calls (io-trace show ${run.id} --full)`);
      const call = findCall(attributeToolCalls(store, run, transcript.parsed), values['tool-call'], run.id);
      const files = call.files.filter((f) => (!ops || ops.has(f.op)) && (!values.ok || f.errno === 0)).sort((a, b) => a.path.localeCompare(b.path) || a.op.localeCompare(b.op));
      const { files: _all, ...head } = call;
      if (values.json) {
        ctx.stdout.write(JSON.stringify({ database: dbFile, run: run.id, workspaceRoot: run.workspaceRoot ?? run.cwd, toolCall: head, files }, null, 2) + '\n');
        return 0;
      }
      ctx.stdout.write(formatCallFiles(call.id, call.name, call.text, files));
      return 0;
    }
    const rows = iterateRunFiles(store, run, { ...(values.task !== undefined ? { task: values.task } : {}), ...(ops ? { ops } : {}), failed: !values.ok });
    const w = new ChunkedWriter(ctx.stdout);
    if (values.json) {
      w.line(`{"database":${JSON.stringify(dbFile)},"run":${run.id},"workspaceRoot":${JSON.stringify(run.workspaceRoot ?? run.cwd)},"files":[`);
      let first = true;
      for (const r of rows) {
        w.line((first ? '' : ',') + JSON.stringify(r));
        first = false;
      }
      w.line(']}');
      w.flush();
      return 0;
    }
    // Streamed with column widths known up front (a run can list a million files): task names from
    // the tasks table, fixed widths for the rest.
    const c = colors(stdoutColor(ctx));
    const taskWidth = Math.max(4, ...store.taskStatuses(run.id).map((t) => [...safe(t.taskId)].length));
    const pad = (s: string, n: number, visible = s.length) => s + ' '.repeat(Math.max(0, n - visible));
    let n = 0;
    for (const r of rows) {
      if (n++ === 0) w.line(`${pad('TASK', taskWidth)}  ${pad('OP', 11)}  ${pad('RESULT', 12)}  ${pad('COUNT', 7)}  ${pad('PROCS', 5)}  PATH`);
      const task = r.task === null ? '-' : safe(r.task);
      const result = r.errno ? errnoName(r.errno) : 'ok';
      w.line(
        `${pad(r.task === null ? c.dim(task) : task, taskWidth, [...task].length)}  ${pad(r.op, 11)}  ${pad(r.errno ? c.yellow(result) : result, 12, result.length)}  ${pad(String(r.count), 7)}  ${pad(String(r.processes), 5)}  ${safe(r.display)}`,
      );
    }
    if (n === 0) {
      ctx.stdout.write(`no file accesses in run ${run.id} match\n`);
      return 0;
    }
    w.flush();
    return 0;
  });
}

function formatCallFiles(id: string, name: string, text: string, files: CallFile[]): string {
  const out = [`tool call ${safe(id)}: ${safe(name)}: ${safe(text.replace(/\s+/g, ' ').slice(0, 160))}`];
  if (files.length === 0) out.push('  no file accesses');
  else out.push(`  ${'OP'.padEnd(11)}  ${'RESULT'.padEnd(12)}  ${'COUNT'.padEnd(7)}  PATH`);
  for (const f of files) out.push(`  ${f.op.padEnd(11)}  ${(f.errno ? errnoName(f.errno) : 'ok').padEnd(12)}  ${String(f.count).padEnd(7)}  ${safe(f.display)}`);
  return out.join('\n') + '\n';
}
