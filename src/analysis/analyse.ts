import { READ_OPS, WRITE_OPS } from '../core/events.js';
import { DEFAULT_SEVERITY, SEVERITY_RANK, type Finding, type FindingType } from '../core/findings.js';
import type { IgnoreMatcher } from '../config/ignore.js';
import { compilePatterns, patternBase, cleanPattern, type PatternSet } from '../plan/patterns.js';
import type { Plan, PlanTask } from '../plan/types.js';
import type { TaskAccess } from '../store/store.js';
import { addToFieldFix, groupPaths, toolPattern, toolTaskRef } from './fixes.js';
import { pathKind as defaultPathKind, WorkspacePaths, type PathKind } from './workspace-paths.js';
import { listWorkspaceFiles } from './workspace-files.js';

export type TaskStatus = 'analyzed' | 'not-run' | 'cached' | 'skipped' | 'excluded' | 'untraced';

export interface TaskResult {
  taskId: string;
  status: TaskStatus;
  /** Distinct workspace files read / written (after ignores). */
  reads: number;
  writes: number;
  findings: number;
}

export interface AnalysisInput {
  plan: Plan;
  accesses: Iterable<TaskAccess>;
  ignore: IgnoreMatcher;
  /** How many processes ran for each task (a task with none did not run, or ran untraced). */
  processCounts: ReadonlyMap<string, number>;
  /** Tasks known to be restored from cache (nothing executed). */
  cachedTasks?: ReadonlySet<string>;
  /** Tasks the build tool never started: not part of this build (e.g. `nx affected` left them out). */
  skippedTasks?: ReadonlySet<string>;
  /** What is at an absolute path now; injectable for benchmarks. */
  pathKind?: (abs: string) => PathKind;
  /** Workspace files (relative) for unused_input; default: walk the workspace. */
  listFiles?: (bases: string[]) => Iterable<string>;
}

export interface AnalysisResult {
  findings: Finding[];
  tasks: TaskResult[];
  /** Accesses inside the workspace by processes that belong to no task. */
  unattributedPaths: number;
}

/** What one task did to one workspace path. */
interface PathUse {
  readAt: number; // first successful content read, Infinity if none
  writeAt: number; // first successful write-type op, Infinity if none
  removedAt: number; // last unlink / rename_from, -Infinity if none
  wroteContent: boolean; // write/create/truncate/rename_to/link (not just removal)
}

const NONE = Number.POSITIVE_INFINITY;

/**
 * The analyser: per task, compares what was read and written with the declared inputs and outputs;
 * across tasks, finds undeclared dependencies and overlapping outputs. Pure apart from looking at the
 * file system after the build (is a path a directory? does a temp file still exist? which files do
 * input globs match?).
 */
export function analyse(input: AnalysisInput): AnalysisResult {
  const { plan, ignore } = input;
  const kindOf = input.pathKind ?? defaultPathKind;
  const ws = new WorkspacePaths(plan.workspaceRoot);
  const tasksById = new Map(plan.tasks.map((t) => [t.id, t]));
  const uses = new Map<string, Map<string, PathUse>>(); // task -> rel path -> use
  let unattributedPaths = 0;

  for (const a of input.accesses) {
    if (a.errno !== 0) continue; // failed probes are recorded, not findings
    const isRead = READ_OPS.has(a.op);
    const isWrite = WRITE_OPS.has(a.op);
    if (!isRead && !isWrite) continue; // stat probes, listings, mkdir
    const rel = ws.relative(a.path);
    if (rel === null || rel === '') continue;
    if (a.taskId === null || !tasksById.has(a.taskId)) {
      unattributedPaths++;
      continue;
    }
    let perTask = uses.get(a.taskId);
    if (!perTask) uses.set(a.taskId, (perTask = new Map()));
    let u = perTask.get(rel);
    if (!u) perTask.set(rel, (u = { readAt: NONE, writeAt: NONE, removedAt: -NONE, wroteContent: false }));
    if (isRead) u.readAt = Math.min(u.readAt, a.firstTs);
    if (isWrite) {
      u.writeAt = Math.min(u.writeAt, a.firstTs);
      if (a.op === 'unlink' || a.op === 'rename_from') u.removedAt = Math.max(u.removedAt, a.lastTs);
      else u.wroteContent = true;
    }
  }

  const inputSets = new Map<string, PatternSet>();
  const outputSets = new Map<string, PatternSet>();
  for (const t of plan.tasks) {
    inputSets.set(t.id, compilePatterns(t.inputs));
    outputSets.set(t.id, compilePatterns(t.outputs));
  }
  const outputIndex = new OutputIndex(plan.tasks);
  const deps = new DependencyClosure(plan.tasks);
  const kindCache = new Map<string, PathKind>();
  const kind = (rel: string) => {
    let k = kindCache.get(rel);
    if (k === undefined) kindCache.set(rel, (k = kindOf(ws.absolute(rel))));
    return k;
  };

  // Per task: the files it wrote (not temp) and read (as inputs), after ignores.
  const written = new Map<string, Set<string>>();
  const read = new Map<string, Set<string>>();
  const writers = new Map<string, string[]>(); // rel -> tasks that wrote it
  for (const [taskId, perTask] of uses) {
    const w = new Set<string>();
    const r = new Set<string>();
    for (const [rel, u] of perTask) {
      if (u.writeAt !== NONE) {
        // Created and removed by the same task, and gone at the end: a temp file.
        const temp = u.removedAt >= u.writeAt && kind(rel) === 'missing' && (u.wroteContent || u.readAt === NONE);
        if (!temp && !ignore.ignoredWrite(taskId, rel)) {
          w.add(rel);
          let list = writers.get(rel);
          if (!list) writers.set(rel, (list = []));
          list.push(taskId);
        }
      }
      // Reading back what the task itself wrote first is not an input.
      if (u.readAt !== NONE && !(u.writeAt < u.readAt) && !ignore.ignoredRead(taskId, rel)) r.add(rel);
    }
    written.set(taskId, w);
    read.set(taskId, r);
  }

  const findings: Finding[] = [];
  const results: TaskResult[] = [];
  const add = (type: FindingType, task: PlanTask, p: string, message: string, extra: Partial<Finding> = {}) => {
    findings.push({ task: task.id, type, path: p, severity: DEFAULT_SEVERITY[type], message, ...extra });
  };

  for (const task of plan.tasks) {
    if (ignore.excludedTasks.has(task.id)) {
      results.push({ taskId: task.id, status: 'excluded', reads: 0, writes: 0, findings: 0 });
      continue;
    }
    const processes = input.processCounts.get(task.id) ?? 0;
    if (input.skippedTasks?.has(task.id) && processes === 0) {
      results.push({ taskId: task.id, status: 'skipped', reads: 0, writes: 0, findings: 0 });
      continue;
    }
    if (input.cachedTasks?.has(task.id) && processes === 0) {
      results.push({ taskId: task.id, status: 'cached', reads: 0, writes: 0, findings: 0 });
      continue;
    }
    if (processes === 0) {
      results.push({ taskId: task.id, status: 'not-run', reads: 0, writes: 0, findings: 0 });
      continue;
    }
    const before = findings.length;
    const ins = inputSets.get(task.id)!;
    const outs = outputSets.get(task.id)!;
    const w = written.get(task.id) ?? new Set<string>();
    const r = read.get(task.id) ?? new Set<string>();

    // Reads.
    const unexpectedReads: string[] = [];
    const undeclaredDeps = new Map<string, string[]>(); // other task -> paths
    for (const rel of r) {
      if (ins.covers(rel) || outs.covers(rel)) continue;
      const producers = producersOf(rel, task.id, writers, outputIndex, outputSets);
      if (producers.length > 0) {
        const undeclared = producers.filter((p) => !deps.dependsOn(task.id, p));
        // Reading a dependency's output is declared by the dependency itself (Nx `^` inputs,
        // Turborepo hashes dependencies' hashes).
        for (const p of undeclared) {
          let list = undeclaredDeps.get(p);
          if (!list) undeclaredDeps.set(p, (list = []));
          list.push(rel);
        }
        continue;
      }
      if (kind(rel) === 'dir') continue; // a directory opened for listing
      unexpectedReads.push(rel);
    }
    for (const [pattern, paths] of groupPaths(unexpectedReads.sort())) {
      const value = toolPattern(plan.source, task, pattern);
      const fix = addToFieldFix(plan.source, task, 'inputs', [value]);
      for (const p of paths) {
        add('unexpected_read', task, p, `${task.id} read ${p}, which its inputs do not cover: a change to it will not invalidate the cache`, { fix });
      }
    }
    for (const [other, paths] of [...undeclaredDeps].sort(([a], [b]) => a.localeCompare(b))) {
      const otherTask = tasksById.get(other)!;
      paths.sort();
      add(
        'undeclared_dependency',
        task,
        paths[0],
        `${task.id} read ${paths[0]}${paths.length > 1 ? ` and ${paths.length - 1} more` : ''} produced by ${other}, but does not depend on it: the result depends on which task runs first`,
        {
          otherTask: other,
          count: paths.length,
          samples: paths.slice(0, 5),
          fix: addToFieldFix(plan.source, task, 'dependsOn', [toolTaskRef(plan.source, task, otherTask)]),
        },
      );
    }

    // Writes.
    const unexpectedWrites: string[] = [];
    for (const rel of [...w].sort()) {
      if (outs.covers(rel)) {
        if (ins.covers(rel)) add('input_mutation', task, rel, `${task.id} wrote ${rel}, which is both a declared input and output of it: its hash changes every run`);
        continue;
      }
      if (ins.covers(rel)) {
        add('input_mutation', task, rel, `${task.id} wrote ${rel}, one of its own declared inputs: the next run hashes different inputs`, {
          fix: { summary: `stop writing ${rel} in ${task.id}, or move it out of its inputs and into its outputs`, field: 'outputs', add: [toolPattern(plan.source, task, rel)] },
        });
        continue;
      }
      if (kind(rel) === 'dir') continue;
      unexpectedWrites.push(rel);
    }
    for (const [pattern, paths] of groupPaths(unexpectedWrites)) {
      const fix = addToFieldFix(plan.source, task, 'outputs', [toolPattern(plan.source, task, pattern)]);
      for (const p of paths) {
        add('unexpected_write', task, p, `${task.id} wrote ${p}, which its outputs do not cover: a cache hit will not restore it`, { fix });
      }
    }

    // Declared outputs that matched nothing written.
    outs.positives.forEach((pattern) => {
      const one = compilePatterns([pattern]);
      for (const rel of w) if (one.covers(rel)) return;
      add('missing_output', task, cleanPattern(pattern), `${task.id} declares output ${pattern} but wrote nothing it matches: check the path, or remove it`, {
        fix: { summary: `correct or remove output ${JSON.stringify(pattern)} of ${task.id}`, field: 'outputs', ...(task.declaredAt?.outputs ? { file: task.declaredAt.outputs.file, ...(task.declaredAt.outputs.line ? { line: task.declaredAt.outputs.line } : {}) } : {}) },
      });
    });

    results.push({ taskId: task.id, status: 'analyzed', reads: r.size, writes: w.size, findings: 0 });
    results[results.length - 1].findings = findings.length - before;
  }

  addOverlappingOutputs(findings, writers, tasksById);
  addUnusedInputs(findings, plan, results, read, written, outputSets, ignore, input.listFiles);

  // Per-task finding counts include the cross-task findings added above.
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.task, (counts.get(f.task) ?? 0) + 1);
  for (const r of results) r.findings = counts.get(r.taskId) ?? 0;
  findings.sort(compareFindings);
  return { findings, tasks: results, unattributedPaths };
}

export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.task.localeCompare(b.task) || a.type.localeCompare(b.type) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/** Tasks other than `self` that wrote `rel` in this run or declare it as an output. */
function producersOf(rel: string, self: string, writers: Map<string, string[]>, index: OutputIndex, outputSets: Map<string, PatternSet>): string[] {
  const out = new Set<string>();
  for (const t of writers.get(rel) ?? []) if (t !== self) out.add(t);
  for (const t of index.candidates(rel)) if (t !== self && outputSets.get(t)!.covers(rel)) out.add(t);
  return [...out];
}

function addOverlappingOutputs(findings: Finding[], writers: Map<string, string[]>, tasksById: Map<string, PlanTask>): void {
  const pairs = new Map<string, string[]>();
  for (const [rel, tasks] of writers) {
    const uniq = [...new Set(tasks)].sort();
    for (let i = 0; i < uniq.length; i++) {
      for (let j = i + 1; j < uniq.length; j++) {
        const key = `${uniq[i]}\0${uniq[j]}`;
        let list = pairs.get(key);
        if (!list) pairs.set(key, (list = []));
        list.push(rel);
      }
    }
  }
  for (const [key, paths] of pairs) {
    const [a, b] = key.split('\0');
    paths.sort();
    const task = tasksById.get(a)!;
    findings.push({
      task: a,
      type: 'overlapping_output',
      path: paths[0],
      severity: DEFAULT_SEVERITY.overlapping_output,
      message: `${a} and ${b} both wrote ${paths[0]}${paths.length > 1 ? ` and ${paths.length - 1} more` : ''}: the last to finish wins, and each cache entry restores a different version`,
      otherTask: b,
      count: paths.length,
      samples: paths.slice(0, 5),
      fix: {
        summary: `give ${a} and ${b} separate output paths, or make one depend on the other and drop the file from one task's outputs`,
        field: 'outputs',
        ...(task.declaredAt?.outputs ? { file: task.declaredAt.outputs.file, ...(task.declaredAt.outputs.line ? { line: task.declaredAt.outputs.line } : {}) } : {}),
      },
    });
  }
}

function addUnusedInputs(
  findings: Finding[],
  plan: Plan,
  results: TaskResult[],
  read: Map<string, Set<string>>,
  written: Map<string, Set<string>>,
  outputSets: Map<string, PatternSet>,
  ignore: IgnoreMatcher,
  listFiles: AnalysisInput['listFiles'],
): void {
  const analysed = results.filter((r) => r.status === 'analyzed').map((r) => plan.tasks.find((t) => t.id === r.taskId)!);
  // Inputs are expanded against the files on disk: globs, and literals that name directories (Nx plans
  // fold a fully covered directory into one literal). Only the directories they can match are walked.
  const bases = analysed.flatMap((t) => t.inputs.filter((p) => !p.startsWith('!')).map(patternBase));
  const files = bases.length ? [...(listFiles ?? ((b: string[]) => listWorkspaceFiles(plan.workspaceRoot, ignore, b)))(bases)] : [];
  const allWritten = new Set<string>();
  for (const w of written.values()) for (const p of w) allWritten.add(p);

  for (const task of analysed) {
    const ins = compilePatterns(task.inputs);
    const outs = outputSets.get(task.id)!;
    const r = read.get(task.id) ?? new Set<string>();
    const candidates = new Set<string>();
    for (const f of files) if (ins.covers(f)) candidates.add(f);
    const unused: string[] = [];
    for (const f of candidates) {
      if (r.has(f) || outs.covers(f) || allWritten.has(f) || ignore.ignoredRead(task.id, f)) continue;
      unused.push(f);
    }
    if (unused.length === 0) continue;
    unused.sort();
    findings.push({
      task: task.id,
      type: 'unused_input',
      path: commonDir(unused),
      severity: DEFAULT_SEVERITY.unused_input,
      message: `${task.id} never opened ${unused.length} of its declared input file${unused.length > 1 ? 's' : ''} (e.g. ${unused[0]}): narrowing inputs avoids needless cache misses`,
      count: unused.length,
      samples: unused.slice(0, 5),
    });
  }
}

function commonDir(paths: string[]): string {
  if (paths.length === 1) return paths[0];
  const parts = paths[0].split('/');
  let n = parts.length - 1;
  for (const p of paths) {
    const q = p.split('/');
    let i = 0;
    while (i < n && q[i] === parts[i]) i++;
    n = i;
  }
  return n === 0 ? '.' : parts.slice(0, n).join('/');
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
class DependencyClosure {
  private readonly direct = new Map<string, string[]>();
  private readonly memo = new Map<string, Set<string>>();
  constructor(tasks: readonly PlanTask[]) {
    for (const t of tasks) this.direct.set(t.id, t.dependsOn);
  }
  dependsOn(task: string, other: string): boolean {
    return this.closure(task).has(other);
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
