import { compilePatterns, type PatternSet } from '../plan/patterns.js';
import type { Plan, PlanTask, SourceLocation } from '../plan/types.js';

/**
 * The coverage model: what each tool really hashes for a task, and what a cache hit restores.
 *
 * - Nx: the files `HashPlanInspector` resolves (own inputs, `^` inputs of dependency projects, named
 *   inputs), plus `dependentTasksOutputFiles` patterns over the dependencies' outputs (src/plan/nx.ts).
 * - Turborepo: the task's own input files, and through its dependencies' hashes their input files
 *   (also of no-op dependencies whose script does not exist) and their outputs (src/plan/turbo.ts).
 * - Plan file: exactly the declared inputs.
 *
 * A task the tool never caches (`cacheable: false`) has nothing to go stale: its I/O is not graded.
 */
export interface TaskCoverage {
  task: PlanTask;
  cacheable: boolean;
  /** The task's own hashed inputs. */
  inputs: PatternSet;
  /** Files hashed only through the task's dependencies. */
  dependencyInputs: PatternSet;
  /** What a cache hit restores. */
  outputs: PatternSet;
}

export type CoveredBy = 'input' | 'dependency' | 'output';

export function coverageModel(plan: Plan): Map<string, TaskCoverage> {
  const out = new Map<string, TaskCoverage>();
  for (const t of plan.tasks) {
    out.set(t.id, {
      task: t,
      cacheable: t.cacheable !== false,
      inputs: compilePatterns(t.inputs),
      dependencyInputs: compilePatterns(t.dependencyInputs ?? []),
      outputs: compilePatterns(t.outputs),
    });
  }
  return out;
}

/** Whether the task's hash (or its restored outputs) accounts for a read of `rel`, and how. */
export function readCoveredBy(c: TaskCoverage, rel: string): CoveredBy | undefined {
  if (c.inputs.covers(rel)) return 'input';
  if (c.outputs.covers(rel)) return 'output';
  if (c.dependencyInputs.covers(rel)) return 'dependency';
  return undefined;
}

/** A config location as a key (tasks sharing one key share one declared list). */
export function locationKey(loc: SourceLocation | undefined): string | undefined {
  return loc ? `${loc.file}:${loc.line ?? 0}:${loc.what ?? ''}` : undefined;
}

/** For each declared-at location of a field, the tasks whose list is declared there. */
export function tasksByLocation(plan: Plan, field: 'inputs' | 'outputs' | 'dependsOn'): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of plan.tasks) {
    const key = locationKey(t.declaredAt?.[field]);
    if (key === undefined) continue;
    let list = out.get(key);
    if (!list) out.set(key, (list = []));
    list.push(t.id);
  }
  return out;
}
