import { patternBase, type PatternSet } from '../plan/patterns.js';
import type { PlanTask } from '../plan/types.js';
import type { Observation } from './task-findings.js';

/**
 * Cross-task relations: which other tasks produce a path (for undeclared dependencies), whether one task
 * depends on another, and files two graded tasks both wrote (overlapping outputs).
 */
export class Producers {
  private readonly index: OutputIndex;
  constructor(
    tasks: readonly PlanTask[],
    private readonly writers: ReadonlyMap<string, string[]>,
    private readonly outputSets: ReadonlyMap<string, PatternSet>,
  ) {
    this.index = new OutputIndex(tasks);
  }

  /** Tasks other than `self` that wrote `rel` in this run or declare it as an output. */
  of(rel: string, self: string): string[] {
    const out = new Set<string>();
    for (const t of this.writers.get(rel) ?? []) if (t !== self) out.add(t);
    for (const t of this.index.candidates(rel)) if (t !== self && this.outputSets.get(t)!.covers(rel)) out.add(t);
    return [...out];
  }
}

export function overlappingOutputs(writers: ReadonlyMap<string, string[]>, graded: ReadonlySet<string>, tasksById: ReadonlyMap<string, PlanTask>): Observation[] {
  const out: Observation[] = [];
  for (const [rel, tasks] of writers) {
    const uniq = [...new Set(tasks)].filter((t) => graded.has(t)).sort();
    for (let i = 0; i < uniq.length; i++) {
      for (let j = i + 1; j < uniq.length; j++) {
        out.push({ type: 'overlapping_output', task: tasksById.get(uniq[i])!, path: rel, severity: 'error', otherTask: uniq[j] });
      }
    }
  }
  return out;
}

/** Finds which tasks' declared outputs may cover a path, by the outputs' literal base directories. */
class OutputIndex {
  private readonly byBase = new Map<string, string[]>();
  constructor(tasks: readonly PlanTask[]) {
    for (const t of tasks) {
      for (const o of t.outputs) {
        if (o.startsWith('!')) continue;
        const base = patternBase(o);
        let list = this.byBase.get(base);
        if (!list) this.byBase.set(base, (list = []));
        if (!list.includes(t.id)) list.push(t.id);
      }
    }
  }
  candidates(rel: string): string[] {
    const out: string[] = [...(this.byBase.get('') ?? [])];
    let i = rel.indexOf('/');
    while (i !== -1) {
      const l = this.byBase.get(rel.slice(0, i));
      if (l) out.push(...l);
      i = rel.indexOf('/', i + 1);
    }
    const exact = this.byBase.get(rel);
    if (exact) out.push(...exact);
    return out;
  }
}

/** Transitive dependsOn, memoised. */
export class DependencyClosure {
  private readonly direct = new Map<string, string[]>();
  private readonly memo = new Map<string, Set<string>>();
  constructor(tasks: readonly PlanTask[]) {
    for (const t of tasks) this.direct.set(t.id, t.dependsOn);
  }
  dependsOn(task: string, other: string): boolean {
    return this.closure(task).has(other);
  }
  /** Project roots of the tasks `task` depends on (transitively), without "" and its own root. */
  projectRoots(task: PlanTask, tasksById: ReadonlyMap<string, PlanTask>): Set<string> {
    const out = new Set<string>();
    for (const d of this.closure(task.id)) {
      const root = tasksById.get(d)?.projectRoot;
      if (root && root !== task.projectRoot) out.add(root);
    }
    return out;
  }
  private closure(task: string): Set<string> {
    let s = this.memo.get(task);
    if (s) return s;
    s = new Set();
    this.memo.set(task, s);
    const stack = [...(this.direct.get(task) ?? [])];
    while (stack.length) {
      const d = stack.pop()!;
      if (s.has(d)) continue;
      s.add(d);
      stack.push(...(this.direct.get(d) ?? []));
    }
    return s;
  }
}
