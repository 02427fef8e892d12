import path from 'node:path';
import type { RunRecord, TraceStore } from '../store/store.js';
import { nxInferredFields } from './nx-inferred.js';
import { planFixes, type FixFilter, type FixPlan } from './plan-fixes.js';

/**
 * The fixes for a recorded run, edited in `workspace` (the recorded one, or a local checkout of it for
 * a downloaded artifact: the recorded plan file is found at the same place under it). Used by
 * `io-trace fix` and the action's io-trace.patch.
 */
export function planRunFixes(store: TraceStore, run: RunRecord, workspace: string, filter: FixFilter = {}): FixPlan {
  const tasks = store.loadTasks(run.id);
  return planFixes(store.loadFindings(run.id), tasks, {
    source: (run.planSource as 'file' | 'nx' | 'turbo' | null) ?? 'file',
    workspaceRoot: workspace,
    ...(run.planFile ? { planFile: rebase(run.planFile, run, workspace) } : {}),
    tasks,
    ...(run.planSource === 'nx' ? { inferredField: nxInferredFields(workspace) } : {}),
  }, filter);
}

/** A recorded absolute path under the recorded workspace, moved under the workspace being edited. */
export function rebase(file: string, run: RunRecord, workspace: string): string {
  const recorded = run.workspaceRoot ?? run.cwd;
  const rel = path.relative(recorded, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : path.join(workspace, rel);
}
