import type { FindingType, Severity } from '../core/findings.js';
import path from 'node:path';
import { cleanPattern, compilePatterns, patternBase } from '../plan/patterns.js';
import type { PlanTask } from '../plan/types.js';
import { readCoveredBy, type TaskCoverage } from './coverage.js';
import { arguableReadReason, crawlReads, rootScriptRun, shadowedTsconfigReason, toolCacheOf, toolCacheWhat, type ToolCache } from './path-classes.js';
import type { TaskIO } from './task-io.js';
import type { PathKind } from './workspace-paths.js';

/**
 * One mismatch about one path (or one declared pattern) of one task, before grouping into root causes
 * (src/analysis/group.ts turns these into findings with one fix each).
 */
export interface Observation {
  type: FindingType;
  task: PlanTask;
  /** Workspace-relative file, or the declared pattern (missing_output, unused_input). */
  path: string;
  severity: Severity;
  /** Why the severity is below the type's default. */
  reason?: string;
  otherTask?: string;
  toolCache?: ToolCache;
  /** missing_output / unused_input: the pattern as declared (tool syntax), how many files, which. */
  declared?: string;
  /** unused_input: the named input the pattern comes from. */
  via?: string;
  count?: number;
  samples?: string[];
  /** missing_output: the pattern comes from a list declared once for many tasks (grouped per declaration). */
  sharedList?: boolean;
  /** input_mutation: the path is also a declared output. */
  alsoOutput?: boolean;
  /**
   * unexpected_read: the `package.json` of a workspace project this task depends on (module resolution
   * reads its "exports"/"types"/"main"): a real input whatever the number of dependencies.
   */
  dependencyManifest?: boolean;
}

export interface TaskContext {
  /** Absolute workspace root (to read the task's tsconfig `extends` chain). */
  workspaceRoot: string;
  /** Other tasks that produce `rel` (wrote it, or declare it as output). */
  producers(rel: string, self: string): string[];
  dependsOn(task: string, other: string): boolean;
  kind(rel: string): PathKind;
  /** Does a file matching this output pattern exist after the run? */
  outputExists(pattern: string): boolean;
  /** Is this task's output list declared in one place for several tasks (Nx targetDefaults, root turbo.json)? */
  sharedOutputs(task: PlanTask): boolean;
  /**
   * A file the task wrote and read back: an intermediate when git ignores it and no other task reads it
   * (its products are what the outputs restore).
   */
  intermediate(rel: string, self: string): boolean;
  /** True when a written file's content equals its version before the build (undefined: unknown). */
  contentUnchanged(rel: string): boolean | undefined;
  /** Project roots of the tasks this task depends on, directly or transitively (never "" or its own). */
  dependencyRoots?(task: PlanTask): ReadonlySet<string>;
  /**
   * A written file the task's inputs cover only through a folder the plan folded the tool's file list into,
   * that git ignores, where the tool hashes no git-ignored file (Nx, turbo's default inputs): the tool never
   * hashed it, so it is no input (a generator's output the task then compiles, not an input mutation).
   */
  foldedButUnhashed?(rel: string, task: PlanTask): boolean;
}

const INTERMEDIATE =
  'generated and consumed inside the task: it read the files back, git ignores them and no other task reads them, and a cache hit restores the outputs built from them';

/** Per task: reads and writes against its coverage, and declared outputs that hold nothing. */
export function taskObservations(c: TaskCoverage, io: TaskIO, ctx: TaskContext): Observation[] {
  const task = c.task;
  const out: Observation[] = [];

  const uncovered = [...io.read].filter((rel) => !readCoveredBy(c, rel));
  // A dependency's package.json is read by module resolution (tsc, bundlers) to find its entry points:
  // an input of the task, never a resolver's crawl, so it stays out of the crawl rule's count.
  const depRoots = ctx.dependencyRoots?.(task) ?? new Set<string>();
  const isDependencyManifest = (rel: string) => path.posix.basename(rel) === 'package.json' && depRoots.has(path.posix.dirname(rel));
  const crawl = crawlReads(ctx.workspaceRoot, task.projectRoot, uncovered.filter((rel) => !isDependencyManifest(rel)), io.read);
  for (const rel of uncovered) {
    const producers = ctx.producers(rel, task.id);
    if (producers.length > 0) {
      // Reading a dependency's output is declared by the dependency itself (Nx `^` inputs, Turborepo
      // hashes dependencies' hashes); reading another task's without depending on it is a race.
      for (const p of producers) if (!ctx.dependsOn(task.id, p)) out.push({ type: 'undeclared_dependency', task, path: rel, severity: 'error', otherTask: p });
      continue;
    }
    if (ctx.kind(rel) === 'dir') continue; // a directory opened for listing
    const cache = toolCacheOf(rel);
    if (cache) {
      // Only a cache the task writes itself belongs in its outputs; one it only reads is another's state.
      out.push({ type: 'unexpected_read', task, path: rel, severity: 'info', toolCache: io.written.has(rel) ? cache : { ...cache, affectsOutputs: false }, reason: `${toolCacheWhat(cache)}, not an input` });
      continue;
    }
    // A task whose script runs a root script (`pnpm -w run build:pkg`) takes its command from the root package.json.
    const rootScript = rel === 'package.json' && rootScriptRun(ctx.workspaceRoot, task.projectRoot, task.target) !== undefined;
    // Read by a package manager whose product the task used: pnpm-workspace.yaml's catalogs are written into
    // a packed package.json (`catalog:` versions), so it is no discovery there; .npmrc and the like stay info.
    const madeProduct = io.readByPackageManager?.has(rel) === true && path.posix.basename(rel) === 'pnpm-workspace.yaml';
    const ancestor = rootScript || madeProduct ? undefined : arguableReadReason(rel, task.projectRoot);
    if (!ancestor && isDependencyManifest(rel)) {
      out.push({ type: 'unexpected_read', task, path: rel, severity: 'error', dependencyManifest: true });
      continue;
    }
    const arguable =
      ancestor ??
      shadowedTsconfigReason(ctx.workspaceRoot, task.projectRoot, rel) ??
      (crawl.has(rel)
        ? 'a resolver (e.g. vite-tsconfig-paths) read the tsconfig/package.json files of many folders to find which project owns a file; only the configs the task\'s own tsconfig extends change its result'
        : undefined);
    out.push(arguable ? { type: 'unexpected_read', task, path: rel, severity: 'info', reason: arguable } : { type: 'unexpected_read', task, path: rel, severity: 'error' });
  }

  const outputBases = c.outputs.positives.map((p) => patternBase(p));
  // Generated and consumed inside the task (a generator's stubs that the same task compiles into its
  // outputs), when some of its products are in the declared outputs: an intermediate, not a product.
  const hashedInput = (rel: string) => c.inputs.covers(rel) && !ctx.foldedButUnhashed?.(rel, task);
  const candidates = [...(io.readBack ?? [])].filter((rel) => !c.outputs.covers(rel) && !hashedInput(rel) && !toolCacheOf(rel) && ctx.intermediate(rel, task.id));
  const producedOutputs = () => [...io.written].some((rel) => c.outputs.covers(rel)) || c.outputs.positives.some((p) => ctx.outputExists(p));
  const intermediates = new Set(candidates.length && producedOutputs() ? candidates : []);
  for (const rel of io.written) {
    const isInput = hashedInput(rel);
    if (c.outputs.covers(rel) && !isInput) continue;
    if (isInput) {
      const same = ctx.contentUnchanged(rel);
      out.push({
        type: 'input_mutation',
        task,
        path: rel,
        alsoOutput: c.outputs.covers(rel),
        ...(same
          ? { severity: 'info' as const, reason: 'rewritten with the same content (it matches git): the hash does not change, but tasks reading it meanwhile race with the rewrite' }
          : { severity: 'warning' as const }),
      });
      continue;
    }
    if (ctx.kind(rel) === 'dir') continue;
    const cache = toolCacheOf(rel);
    if (cache) {
      // Next to the files a cache hit restores, a stale copy can make the tool skip work (warning); written
      // outside every declared output (@nx/js:tsc's dist/tsconfig.lib.tsbuildinfo beside outputPath) it is
      // the compiler's own state: a hit without it only makes the next real build a full one (info).
      const nextToOutputs = cache.affectsOutputs && outputBases.some((b) => b === '' || rel.startsWith(b + '/'));
      if (cache.affectsOutputs && !nextToOutputs) {
        const reason = `${toolCacheWhat(cache)} (compiler state) written outside the task's declared outputs: a cache hit without it only makes the next real build a full one`;
        out.push({ type: 'unexpected_write', task, path: rel, severity: 'info', toolCache: { ...cache, advice: cache.outsideOutputsAdvice ?? cache.advice, optional: true }, reason });
        continue;
      }
      out.push({ type: 'unexpected_write', task, path: rel, severity: nextToOutputs ? 'warning' : 'info', toolCache: cache, reason: toolCacheWhat(cache) });
      continue;
    }
    if (intermediates.has(rel)) {
      out.push({ type: 'unexpected_write', task, path: rel, severity: 'info', reason: INTERMEDIATE });
      continue;
    }
    out.push({ type: 'unexpected_write', task, path: rel, severity: 'error' });
  }

  out.push(...missingOutputs(c, io, ctx, intermediates));
  return out;
}

/**
 * Declared outputs judged by what exists after the run: an up-to-date incremental tool writes nothing
 * but its outputs are there. Each pattern is judged on its own: one that holds nothing is the likely typo
 * (warning) only when the task produced files and none of them landed in any declared output; when the
 * task's files are in another declared output, an uncovered write elsewhere is reported as itself
 * (unexpected_write), not as a fault of every empty pattern. A shared list (one declaration for many
 * tasks, or the tool's default) names folders most tasks never write: no finding unless it is the typo.
 */
function missingOutputs(c: TaskCoverage, io: TaskIO, ctx: TaskContext, intermediates: ReadonlySet<string>): Observation[] {
  const task = c.task;
  const positives = c.outputs.positives;
  const holds = positives.map((p) => {
    const one = compilePatterns([p]);
    for (const rel of io.written) if (one.covers(rel)) return true;
    return ctx.outputExists(p);
  });
  if (holds.every(Boolean)) return [];
  const uncached = [...io.written].some((rel) => !c.outputs.covers(rel) && !c.inputs.covers(rel) && !toolCacheOf(rel) && !intermediates.has(rel) && ctx.kind(rel) !== 'dir');
  const otherHolds = holds.some(Boolean);
  const shared = ctx.sharedOutputs(task);
  const out: Observation[] = [];
  positives.forEach((p, i) => {
    if (holds[i]) return;
    let severity: Severity;
    let reason: string | undefined;
    if (uncached && !otherHolds) severity = 'warning';
    else if (shared) return; // a shared list names folders most tasks never write
    else {
      severity = 'info';
      reason = otherHolds
        ? "the task's files are in its other declared outputs" + (uncached ? '; what it wrote outside them is reported on its own' : ', so nothing goes uncached')
        : 'the task wrote nothing, so nothing goes uncached';
    }
    out.push({ type: 'missing_output', task, path: cleanPattern(p), severity, declared: p, ...(shared ? { sharedList: true } : {}), ...(reason ? { reason } : {}) });
  });
  return out;
}
