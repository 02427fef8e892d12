import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import picomatch from 'picomatch';
import type { Finding } from '../core/findings.js';
import type { IgnoreMatcher } from '../config/ignore.js';
import { compilePatterns, patternBase } from '../plan/patterns.js';
import type { Plan, PlanTask } from '../plan/types.js';
import type { TaskAccess } from '../store/store.js';
import { coverageModel, locationKey, tasksByLocation, type TaskCoverage } from './coverage.js';
import { DependencyClosure, overlappingOutputs, Producers } from './cross-task.js';
import { FixWriter } from './fixes.js';
import { compareFindings, groupFindings } from './group.js';
import { taskObservations, type Observation } from './task-findings.js';
import { collectTaskIO } from './task-io.js';
import { unusedInputs } from './unused-inputs.js';
import { pathKind as defaultPathKind, WorkspacePaths, type PathKind } from './workspace-paths.js';
import { listWorkspaceFiles } from './workspace-files.js';

export { compareFindings };

export type TaskStatus = 'analyzed' | 'not-cacheable' | 'not-run' | 'cached' | 'skipped' | 'excluded' | 'untraced';

export interface TaskResult {
  taskId: string;
  status: TaskStatus;
  /** Distinct workspace files read / written (after ignores). */
  reads: number;
  writes: number;
  /** Findings (root causes) that name this task. */
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
  /** Workspace files (relative) under some bases, for unused_input and outputs; default: walk the workspace. */
  listFiles?: (bases: string[]) => Iterable<string>;
  /** Whether written files' content equals the pre-build version (rel -> true/false/undefined); default: git. */
  contentUnchanged?: (rels: string[]) => Map<string, boolean>;
  /** Whether a folder holds git-tracked files (never proposed as an outputs glob); default: `git ls-files`. */
  trackedDir?: (dir: string) => boolean;
  /** Which of these files git ignores; default: `git check-ignore`. */
  gitIgnored?: (rels: string[]) => Set<string>;
  /** The outermost workspace package folder holding a file; default: a folder with a package.json or project.json. */
  packageRootOf?: (rel: string) => string | undefined;
}

export interface AnalysisResult {
  /** Root causes, ranked by likely impact (errors first). */
  findings: Finding[];
  tasks: TaskResult[];
  /** Accesses inside the workspace by processes that belong to no task. */
  unattributedPaths: number;
}

/**
 * The analyser, in stages with plain data between them:
 * 1. task-io: each task's reads and writes (temp files, ignores, read-back removed);
 * 2. coverage: what the tool really hashes for each task and what a cache hit restores;
 * 3. task-findings + cross-task: per-path observations (undeclared reads/writes, mutated inputs, empty
 *    outputs, undeclared dependencies, overlapping outputs) and unused-inputs (declared patterns unused);
 * 4. group: observations into root causes with one fix each, ranked.
 * Pure apart from looking at the file system (and git) after the build.
 */
export function analyse(input: AnalysisInput): AnalysisResult {
  const { plan, ignore } = input;
  const kindOf = input.pathKind ?? defaultPathKind;
  const ws = new WorkspacePaths(plan.workspaceRoot);
  const tasksById = new Map(plan.tasks.map((t) => [t.id, t]));
  const kindCache = new Map<string, PathKind>();
  const kind = (rel: string) => {
    let k = kindCache.get(rel);
    if (k === undefined) kindCache.set(rel, (k = kindOf(ws.absolute(rel))));
    return k;
  };
  const listFiles = input.listFiles ?? ((bases: string[]) => listWorkspaceFiles(plan.workspaceRoot, ignore, bases));

  // 1. What each task did.
  const io = collectTaskIO(input.accesses, new Set(tasksById.keys()), ws, ignore, kind);

  // 2. What each tool hashes and restores.
  const coverage = coverageModel(plan);

  // Which tasks are graded.
  const results: TaskResult[] = [];
  const graded: TaskCoverage[] = [];
  for (const task of plan.tasks) {
    const processes = input.processCounts.get(task.id) ?? 0;
    const tio = io.byTask.get(task.id);
    const counts = { reads: tio?.read.size ?? 0, writes: tio?.written.size ?? 0, findings: 0 };
    let status: TaskStatus;
    if (ignore.excludedTasks.has(task.id)) status = 'excluded';
    else if (input.skippedTasks?.has(task.id) && processes === 0) status = 'skipped';
    else if (input.cachedTasks?.has(task.id) && processes === 0) status = 'cached';
    else if (processes === 0) status = 'not-run';
    else if (!coverage.get(task.id)!.cacheable) status = 'not-cacheable';
    else status = 'analyzed';
    const shown = status === 'analyzed' || status === 'not-cacheable';
    results.push({ taskId: task.id, status, ...(shown ? counts : { reads: 0, writes: 0, findings: 0 }) });
    if (status === 'analyzed') graded.push(coverage.get(task.id)!);
  }

  // 3. Observations.
  const outputSets = new Map([...coverage].map(([id, c]) => [id, c.outputs]));
  const producers = new Producers(plan.tasks, io.writers, outputSets);
  const deps = new DependencyClosure(plan.tasks);
  const sharedOutputs = tasksByLocation(plan, 'outputs');
  const existsMemo = new Map<string, boolean>();
  const outputExists = (pattern: string) => {
    let e = existsMemo.get(pattern);
    if (e === undefined) {
      const one = compilePatterns([pattern]);
      e = false;
      for (const f of listFiles([patternBase(pattern)])) {
        if (one.covers(f)) {
          e = true;
          break;
        }
      }
      existsMemo.set(pattern, e);
    }
    return e;
  };
  // Content checks are batched: collect mutated inputs first, ask once.
  const mutated: string[] = [];
  for (const c of graded) for (const rel of io.byTask.get(c.task.id)?.written ?? []) if (c.inputs.covers(rel)) mutated.push(rel);
  const unchanged = mutated.length ? (input.contentUnchanged ?? ((r: string[]) => gitContentUnchanged(plan.workspaceRoot, r)))(mutated) : new Map<string, boolean>();

  // Files a task wrote and read back: which git ignores (asked once), and who else reads them.
  const readers = new Map<string, string[]>();
  for (const [id, tio] of io.byTask) {
    for (const rel of tio.read) {
      let list = readers.get(rel);
      if (!list) readers.set(rel, (list = []));
      list.push(id);
    }
  }
  // Written files covered only through a folded folder, in tasks whose tool hashes no git-ignored file.
  const folded = (c: (typeof graded)[number], rel: string) => c.inputs.covers(rel) && !c.task.inputs.some((p) => p === rel) && hashedOnlyIfTracked(plan.source, c.task, rel);
  const foldedWrites = new Set(graded.flatMap((c) => [...(io.byTask.get(c.task.id)?.written ?? [])].filter((rel) => folded(c, rel))));
  const readBack = [...new Set(graded.flatMap((c) => [...(io.byTask.get(c.task.id)?.readBack ?? [])]))];
  const askGit = [...new Set([...readBack, ...foldedWrites])];
  const ignoredByGit = askGit.length ? (input.gitIgnored ?? ((r: string[]) => gitIgnoredFiles(plan.workspaceRoot, r)))(askGit) : new Set<string>();

  const observations: Observation[] = [];
  const empty = { read: new Set<string>(), written: new Set<string>() };
  for (const c of graded) {
    observations.push(
      ...taskObservations(c, io.byTask.get(c.task.id) ?? empty, {
        workspaceRoot: ws.root,
        producers: (rel, self) => producers.of(rel, self),
        dependsOn: (a, b) => deps.dependsOn(a, b),
        kind,
        outputExists,
        // A list declared once for many tasks, or the tool's default list (nobody wrote it for this task).
        sharedOutputs: (t) =>
          (sharedOutputs.get(locationKey(t.declaredAt?.outputs) ?? '')?.length ?? 0) > 1 || (t.declaredAt?.outputs?.what ?? '').includes('not set'),
        contentUnchanged: (rel) => unchanged.get(rel),
        dependencyRoots: (t) => deps.projectRoots(t, tasksById),
        intermediate: (rel, self) => ignoredByGit.has(rel) && (readers.get(rel) ?? []).every((t) => t === self),
        foldedButUnhashed: (rel) => ignoredByGit.has(rel) && foldedWrites.has(rel),
      }),
    );
  }
  observations.push(...overlappingOutputs(io.writers, new Set(graded.map((c) => c.task.id)), tasksById));
  const allWritten = new Set(io.writers.keys());
  observations.push(...unusedInputs(plan.source, graded, io.byTask, { listFiles, ignoredRead: (t, rel) => ignore.ignoredRead(t, rel), allWritten }));

  // 4. Root causes.
  const fixes = new FixWriter(plan, { inputs: tasksByLocation(plan, 'inputs'), outputs: sharedOutputs, dependsOn: tasksByLocation(plan, 'dependsOn') });
  const findings = groupFindings(plan, observations, fixes, {
    tracked: input.trackedDir ?? gitTrackedDirs(plan.workspaceRoot),
    packageRootOf: input.packageRootOf ?? workspacePackageRoots(plan.workspaceRoot),
  });

  const counts = new Map<string, number>();
  for (const f of findings) for (const t of f.tasks ?? [f.task]) counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const r of results) r.findings = counts.get(r.taskId) ?? 0;
  return { findings, tasks: results, unattributedPaths: io.unattributedPaths };
}

/**
 * Which rewritten files still hold the content git has for them (index, else HEAD): a byte-identical
 * rewrite changes no hash. Files git does not know, or no git at all: not in the map (unknown).
 */
export function gitContentUnchanged(root: string, rels: string[]): Map<string, boolean> {
  const out = new Map<string, boolean>();
  let listing: string;
  try {
    listing = execFileSync('git', ['-C', root, 'ls-files', '-s', '-z', '--', ...rels], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
  } catch {
    return out;
  }
  for (const entry of listing.split('\0')) {
    const m = /^\d+ ([0-9a-f]{40,64}) \d+\t(.*)$/s.exec(entry);
    if (!m) continue;
    const [, blob, rel] = m;
    try {
      const data = readFileSync(`${root}/${rel}`);
      const algo = blob.length === 64 ? 'sha256' : 'sha1';
      const h = createHash(algo).update(`blob ${data.length}\0`).update(data).digest('hex');
      out.set(rel, h === blob);
    } catch {
      /* gone: unknown */
    }
  }
  return out;
}

/** Which of these workspace-relative files git ignores (tracked files never are); none when git cannot say. */
/**
 * Whether the task's tool would leave `rel` out of its hash if git ignores it: Nx always (its file map
 * follows .gitignore); turbo when no explicit glob of the task's inputs names it (`$TURBO_DEFAULT$` is
 * git's tracked and untracked files, but an explicit glob takes ignored files too).
 */
function hashedOnlyIfTracked(source: Plan['source'], task: PlanTask, rel: string): boolean {
  if (source === 'nx') return true;
  if (source !== 'turbo') return false;
  for (const d of task.declaredInputs ?? []) {
    if (typeof d !== 'string' || d === '$TURBO_DEFAULT$' || d.startsWith('!')) continue;
    const glob = d.startsWith('$TURBO_ROOT$/') ? d.slice('$TURBO_ROOT$/'.length) : posix.join(task.projectRoot, d);
    if (picomatch(glob, { dot: true })(rel)) return false;
  }
  return true;
}

export function gitIgnoredFiles(root: string, rels: string[]): Set<string> {
  let out: string;
  try {
    out = execFileSync('git', ['-C', root, 'check-ignore', '-z', '--stdin'], { input: rels.join('\0'), encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
  } catch (e) {
    // Exit 1: none is ignored; 128: not a repository.
    out = typeof (e as { stdout?: unknown }).stdout === 'string' ? (e as { stdout: string }).stdout : '';
  }
  return new Set(out.split('\0').filter(Boolean));
}

/**
 * The outermost folder below the root holding `rel` that is a package (a package.json or project.json in
 * it): `templates/skeleton` for `templates/skeleton/app/root.tsx`, `packages/a` for a fixture package
 * nested in `packages/a/test/`. Looked up on disk after the build, memoised per folder.
 */
export function workspacePackageRoots(root: string): (rel: string) => string | undefined {
  const isPackage = new Map<string, boolean>();
  return (rel) => {
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      let p = isPackage.get(dir);
      if (p === undefined) isPackage.set(dir, (p = existsSync(`${root}/${dir}/package.json`) || existsSync(`${root}/${dir}/project.json`)));
      if (p) return dir;
    }
    return undefined;
  };
}

/** Folders holding git-tracked files, asked lazily (once); no git: none. */
export function gitTrackedDirs(root: string): (dir: string) => boolean {
  let dirs: Set<string> | undefined;
  return (dir) => {
    if (!dirs) {
      dirs = new Set();
      try {
        const out = execFileSync('git', ['-C', root, 'ls-files', '-z'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 << 20 });
        for (const f of out.split('\0')) {
          for (let d = f.lastIndexOf('/'); d > 0; d = f.lastIndexOf('/', d - 1)) {
            const parent = f.slice(0, d);
            if (dirs.has(parent)) break;
            dirs.add(parent);
          }
        }
      } catch {
        // not a repository: nothing known to be tracked
      }
    }
    return dirs.has(dir);
  };
}
