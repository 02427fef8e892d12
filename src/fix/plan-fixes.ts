import { structuredPatch } from 'diff';
import type { Finding } from '../core/findings.js';
import type { PlanTask } from '../plan/types.js';
import { applyConfigEdits } from './apply.js';
import { ConfigFiles, locateEdit, type ConfigEdit, type LocateContext } from './locate.js';

/**
 * From findings to config edits: which findings io-trace can fix safely, the one edit per root cause
 * (findings that add to the same field of the same file become one edit), and the resulting file texts.
 */

export interface FixItem {
  /** 1-based number in the run's finding order (what `--only` takes). */
  n: number;
  finding: Finding;
  /** The edits (usually one), when io-trace can make them safely. */
  edits?: ConfigEdit[];
  /** Why it is left out, otherwise. */
  reason?: string;
}

export interface FileChange {
  file: string;
  before: string;
  after: string;
  /** A file the fix creates (e.g. a package turbo.json). */
  created?: boolean;
}

export interface FixPlan {
  items: FixItem[];
  /** Edits merged per (file, field): one edit per root cause. */
  edits: ConfigEdit[];
  changes: FileChange[];
}

export interface FixFilter {
  tasks?: string[];
  types?: string[];
  only?: number[];
}

/** Why a finding type has no automatic edit (a person has to decide). */
const NOT_AUTOMATIC: Partial<Record<Finding['type'], string>> = {
  missing_output: 'the pattern may be wrong or the task may have failed to produce it: io-trace cannot tell which, so it does not delete declared outputs',
  overlapping_output: 'two tasks write the same file: decide which one owns it (or make them write different files)',
  unused_input: 'narrowing inputs is a judgement call (the file may matter in another configuration): nothing is removed automatically',
};

export function planFixes(findings: readonly Finding[], tasks: readonly PlanTask[], ctx: LocateContext, filter: FixFilter = {}): FixPlan {
  const files = new ConfigFiles(ctx.workspaceRoot);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const items: FixItem[] = [];
  findings.forEach((finding, i) => {
    const n = i + 1;
    if (filter.only?.length && !filter.only.includes(n)) return;
    if (filter.tasks?.length && !filter.tasks.includes(finding.task)) return;
    if (filter.types?.length && !filter.types.includes(finding.type)) return;
    items.push({ n, finding, ...decide(finding, byId, ctx, files) });
  });

  const merged = new Map<string, ConfigEdit>();
  for (const item of items) {
    for (const edit of item.edits ?? []) {
      const key = `${edit.file}\0${JSON.stringify(edit.path)}`;
      const prior = merged.get(key);
      if (prior) prior.values.push(...edit.values);
      else merged.set(key, { ...edit, values: [...edit.values] });
    }
  }
  let edits = [...merged.values()];

  const changes: FileChange[] = [];
  for (const file of [...new Set(edits.map((e) => e.file))].sort()) {
    const mine = edits.filter((e) => e.file === file);
    const existing = files.read(file)?.text;
    const created = existing === undefined ? mine.find((e) => e.newFile)?.newFile : undefined;
    if (existing === undefined && created === undefined) continue;
    const before = existing ?? '';
    let after: string;
    try {
      after = applyConfigEdits(existing ?? created!, mine);
    } catch (e) {
      // The file is not shaped as the tool reads it (a field that is not an array): leave it to a person.
      for (const item of items) {
        if (item.edits?.some((x) => x.file === file)) {
          delete item.edits;
          item.reason = `${file}: ${(e as Error).message}`;
        }
      }
      continue;
    }
    if (after !== before) changes.push({ file, before, after, ...(existing === undefined ? { created: true } : {}) });
  }
  edits = edits.filter((e) => changes.some((c) => c.file === e.file));
  return { items, edits, changes };
}

function decide(finding: Finding, byId: Map<string, PlanTask>, ctx: LocateContext, files: ConfigFiles): Pick<FixItem, 'edits' | 'reason'> {
  const notAutomatic = NOT_AUTOMATIC[finding.type];
  const fix = finding.fix;
  if (fix?.manual) return { reason: fix.manual };
  if (!fix?.add?.length || fix.field === 'ignore') return { reason: notAutomatic ?? 'no edit is known for it (see its message)' };
  const task = byId.get(finding.task);
  if (!task) return { reason: `task ${finding.task} is not in the recorded plan` };
  // A group declared in several places (an Nx dependency input for tasks with their own inputs lists)
  // needs the edit at each; tasks sharing one place give the same edit, merged below.
  const others = (finding.tasks ?? []).filter((id) => id !== task.id).map((id) => byId.get(id)).filter((t): t is PlanTask => t !== undefined);
  // Fix values are in the tool's syntax; Nx dependsOn objects arrive as JSON text.
  const parse = (vs: string[]) => vs.map((v) => (v.startsWith('{"') ? (JSON.parse(v) as unknown) : v));
  const values = parse(fix.add);
  // A workspace-wide list (turbo globalDependencies, Nx namedInputs.sharedGlobals): one edit there.
  if (fix.to) return { edits: [{ file: fix.to.file, path: fix.to.path, values, base: [] }] };
  // A root-cause group names every task it stands for (`tasks`); one shared edit can fix them all.
  const sharedBy = finding.tasks?.length ?? 1;
  const wanted: [FixField, unknown[]][] = [[fix.field, values], ...(fix.also ?? []).map((a): [FixField, unknown[]] => [a.field, parse(a.add)])];
  // A task that rewrites its own input: the file becomes an output and stops being an input, or the
  // finding (and a hash that changes under the task's own feet) stays.
  if (finding.type === 'input_mutation' && fix.field === 'outputs' && !fix.also?.length) wanted.push(['inputs', values.map((v) => `!${String(v)}`)]);
  const edits: ConfigEdit[] = [];
  for (const t of [task, ...others]) {
    for (const [field, vals] of wanted) {
      const located = locateEdit(ctx, files, t, field, vals, sharedBy);
      if ('unfixable' in located) return { reason: located.unfixable };
      const same = edits.find((e) => e.file === located.edit.file && JSON.stringify(e.path) === JSON.stringify(located.edit.path));
      if (!same) edits.push(located.edit);
      else for (const v of located.edit.values) if (!same.values.some((x) => JSON.stringify(x) === JSON.stringify(v))) same.values.push(v);
    }
  }
  return { edits };
}

type FixField = 'inputs' | 'outputs' | 'dependsOn';

/** A unified diff of the changes, with `a/` and `b/` prefixes (`git apply` and `patch -p1` take it). */
export function unifiedDiff(changes: readonly FileChange[]): string {
  let out = '';
  for (const c of changes) {
    const patch = structuredPatch(`a/${c.file}`, `b/${c.file}`, c.before, c.after, '', '', { context: 3 });
    out += `diff --git a/${c.file} b/${c.file}\n`;
    out += c.created ? `new file mode 100644\n--- /dev/null\n+++ b/${c.file}\n` : `--- a/${c.file}\n+++ b/${c.file}\n`;
    for (const h of patch.hunks) {
      // An empty side is numbered by the line before it (0 for a new file), as diff(1) and git do.
      out += `@@ -${h.oldLines ? h.oldStart : h.oldStart - 1},${h.oldLines} +${h.newLines ? h.newStart : h.newStart - 1},${h.newLines} @@\n`;
      for (const line of h.lines) out += line + '\n';
    }
  }
  return out;
}
