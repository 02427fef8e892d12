import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError, IoTraceError } from '../../core/errors.js';
import { FINDING_TYPES } from '../../core/findings.js';
import { unifiedDiff, type FixPlan } from '../../fix/plan-fixes.js';
import { planRunFixes } from '../../fix/run-fixes.js';
import type { RunRecord } from '../../store/store.js';
import { locateDatabase, withDatabase } from '../../triage/db.js';
import { displayPath } from '../../report/text.js';
import { parse } from '../args.js';
import type { CommandContext } from './run.js';

export const FIX_HELP = `Usage: io-trace fix [options] [RUN]

The config edits that fix a run's findings (default: the latest run), as a unified diff on stdout;
nothing is written unless --write. One edit per root cause, in the file and field the build tool reads
(nx.json / project.json / package.json "nx" / turbo.json / the plan file), keeping the file's formatting
and comments. Findings that cannot be fixed safely are listed on stderr with the reason.
Then \`io-trace check\` re-analyses the recorded trace against the edited config (no rebuild).

Options:
  --db FILE|DIR     trace database, or a downloaded artifact folder (default .io-trace/trace.db)
  --workspace DIR   the workspace to edit (default: the run's workspace if it exists here, else the current directory)
  --write           apply the edits to the files
  --task T          only findings of this task (repeatable)
  --type TYPE       only this finding type (repeatable): ${FINDING_TYPES.join(', ')}
  --only N[,N...]   only these findings, numbered as \`io-trace fix\` lists them
  --json            the plan of edits as JSON (with the diff)
`;

export async function fixCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parse('fix', ctx.argv, {
    db: { type: 'string' },
    workspace: { type: 'string' },
    write: { type: 'boolean' },
    task: { type: 'string', multiple: true },
    type: { type: 'string', multiple: true },
    only: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    ctx.stdout.write(FIX_HELP);
    return 0;
  }
  for (const t of values.type ?? []) {
    if (!(FINDING_TYPES as readonly string[]).includes(t)) throw new ConfigurationError(`--type ${JSON.stringify(t)}: use one of ${FINDING_TYPES.join(', ')}`);
  }
  const only = (values.only ?? []).flatMap((s) => s.split(',')).map((s) => {
    const n = Number(s.trim());
    if (!Number.isInteger(n) || n < 1) throw new ConfigurationError(`--only ${JSON.stringify(s)}: give finding numbers (1, 2, ...) as \`io-trace fix\` lists them`);
    return n;
  });
  const dbFile = locateDatabase(ctx.cwd, values.db);
  const { plan, workspace } = await withDatabase(dbFile, (store) => {
    const run = store.resolveRun(positionals[0]);
    const workspace = workspaceFor(run, ctx.cwd, values.workspace);
    const plan = planRunFixes(store, run, workspace, { tasks: values.task, types: values.type, only });
    return { plan, workspace };
  });

  const diff = unifiedDiff(plan.changes);
  if (values.write) {
    for (const c of plan.changes) {
      const file = path.join(workspace, c.file);
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, c.after);
      } catch (e) {
        throw new IoTraceError(`cannot write ${file}: ${(e as Error).message}${plan.changes.indexOf(c) > 0 ? ` (the files before it were written: ${plan.changes.slice(0, plan.changes.indexOf(c)).map((x) => x.file).join(', ')})` : ''}`);
      }
    }
  }
  if (values.json) {
    ctx.stdout.write(JSON.stringify({ workspace, written: !!values.write, items: plan.items, edits: plan.edits, diff }, null, 2) + '\n');
    return 0;
  }
  if (!values.write) ctx.stdout.write(diff);
  ctx.stderr.write(summary(plan, !!values.write));
  return 0;
}

/** The workspace to edit: --workspace, the recorded one when it exists here, else the current directory (a downloaded artifact). */
export function workspaceFor(run: RunRecord, cwd: string, given: string | undefined): string {
  if (given) return path.resolve(cwd, given);
  const recorded = run.workspaceRoot ?? run.cwd;
  return existsSync(recorded) ? recorded : cwd;
}


function summary(plan: FixPlan, written: boolean): string {
  const fixed = plan.items.filter((i) => i.edits);
  const left = plan.items.filter((i) => !i.edits);
  const lines: string[] = [];
  const files = plan.changes.map((c) => c.file);
  lines.push(
    `io-trace fix: ${fixed.length} finding${fixed.length === 1 ? '' : 's'} fixed by ${plan.edits.length} edit${plan.edits.length === 1 ? '' : 's'}` +
      (files.length ? ` in ${files.join(', ')}` : '') +
      (written ? ' (written)' : files.length ? ' (not written: --write applies them)' : ''),
  );
  for (const i of fixed) lines.push(`  #${i.n} ${i.finding.type} ${i.finding.task} ${displayPath(i.finding.path)}`);
  if (left.length) {
    lines.push(`left out (${left.length}):`);
    for (const i of left) lines.push(`  #${i.n} ${i.finding.type} ${i.finding.task} ${displayPath(i.finding.path)}: ${i.reason}`);
  }
  if (fixed.length && written) lines.push('next: `io-trace check` re-analyses the recorded trace against the edited config');
  return lines.join('\n') + '\n';
}
