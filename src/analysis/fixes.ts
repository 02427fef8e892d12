import path from 'node:path';
import type { Fix } from '../core/findings.js';
import type { Plan, PlanTask, SourceLocation } from '../plan/types.js';

/**
 * Fix suggestions in the build tool's own syntax: the native plan takes workspace-relative globs, Nx
 * takes `{projectRoot}`/`{workspaceRoot}` tokens and "project:target" dependencies, Turborepo takes
 * package-relative globs, `$TURBO_ROOT$/` for files outside the package, and "package#task".
 */

/** How a workspace-relative path is written in a task's inputs/outputs. */
export function toolPattern(source: Plan['source'], task: PlanTask, rel: string): string {
  const root = task.projectRoot;
  const inProject = root === '' || rel === root || rel.startsWith(root + '/');
  switch (source) {
    case 'nx':
      if (root !== '' && inProject) return `{projectRoot}${rel === root ? '' : '/' + rel.slice(root.length + 1)}`;
      return `{workspaceRoot}/${rel}`;
    case 'turbo':
      if (inProject) return root === '' ? rel : rel === root ? '.' : rel.slice(root.length + 1);
      return `$TURBO_ROOT$/${rel}`;
    default:
      return rel;
  }
}

/**
 * How `task` names `dependency` in its dependsOn: the target alone within one project; across projects
 * Nx's object form `{projects, target}` from Nx's own project schema (the "project:target" string form
 * is not in that schema) and Turborepo's "package#task".
 */
export function toolTaskRef(source: Plan['source'], task: PlanTask, dependency: PlanTask): string {
  if (source === 'file') return dependency.id;
  if (dependency.project === task.project) return dependency.target;
  if (source === 'nx') return JSON.stringify({ projects: [dependency.project], target: dependency.target });
  return `${dependency.project}#${dependency.target}`;
}

/**
 * Group paths the way a person would declare them: several files in one directory become
 * `dir/**`, a single file stays itself. Returns pattern -> the paths it stands for.
 */
export function groupPaths(paths: readonly string[], minGroup = 3): Map<string, string[]> {
  const byDir = new Map<string, string[]>();
  for (const p of paths) {
    const dir = path.posix.dirname(p);
    let list = byDir.get(dir);
    if (!list) byDir.set(dir, (list = []));
    list.push(p);
  }
  const out = new Map<string, string[]>();
  for (const [dir, list] of byDir) {
    if (list.length >= minGroup && dir !== '.') out.set(`${dir}/**`, list);
    else for (const p of list) out.set(p, [p]);
  }
  return out;
}

const FIELD_NAME: Record<Plan['source'], Record<'inputs' | 'outputs' | 'dependsOn', string>> = {
  file: { inputs: 'inputs', outputs: 'outputs', dependsOn: 'dependencies' },
  nx: { inputs: 'inputs', outputs: 'outputs', dependsOn: 'dependsOn' },
  turbo: { inputs: 'inputs', outputs: 'outputs', dependsOn: 'dependsOn' },
};

function where(loc: SourceLocation | undefined): string {
  if (!loc) return '';
  return ` (${loc.file}${loc.line ? `:${loc.line}` : ''})`;
}

export function addToFieldFix(
  source: Plan['source'],
  task: PlanTask,
  field: 'inputs' | 'outputs' | 'dependsOn',
  values: string[],
): Fix {
  const loc = task.declaredAt?.[field];
  const name = FIELD_NAME[source][field];
  // Object entries (Nx dependsOn) are already JSON; strings are quoted.
  const list = values.map((v) => (v.startsWith('{') ? v : JSON.stringify(v))).join(', ');
  let summary = `add ${list} to "${name}" of ${task.id}${where(loc)}`;
  if (source === 'turbo' && field === 'inputs' && !task.inputs.some((i) => i.includes('$TURBO_DEFAULT$'))) {
    // An explicit inputs list replaces Turborepo's default (all git-tracked files in the package).
    summary += '; keep "$TURBO_DEFAULT$" in the list if the task relies on the default inputs';
  }
  return { summary, field, add: values, ...(loc ? { file: loc.file, ...(loc.line ? { line: loc.line } : {}) } : {}) };
}
