/**
 * Tasks restored from the build tool's cache execute nothing, so the trace holds nothing for them: a
 * cached task is neither clean nor checked. Found from what the tool prints, and, failing that, from a
 * planned task with no process in a successful build whose command did not turn the cache off.
 */
import { findToolIndex } from '../plan/nx.js';
import type { Plan } from '../plan/types.js';

export interface CacheHits {
  /** Task ids restored from cache. */
  cached: Set<string>;
  /** Per cached task, how we know (the tool's own words, or the inference). */
  evidence: Map<string, string>;
  /**
   * Planned tasks the tool never started in a successful build (e.g. `nx affected`, `turbo --affected`):
   * not part of this build, so neither cached nor a blind spot.
   */
  skipped?: Set<string>;
}

/**
 * A cheap test for the only output lines this module parses (cache hits, nx and turbo task lines), so a
 * caller can keep just those from gigabytes of build output. Raw lines: colour codes may sit between
 * "nx run" and the task.
 */
export const PARSED_OUTPUT_LINE = /cache|nx run/i;

// Nx names every task it starts, cached or not: `> nx run lib:build`, `✔  nx run lib:build  [local cache]`.
const NX_TASK_LINE = /\bnx run (\S+)/;
// Turbo too: `lib:lint: cache bypass, force executing c70b9e9e...`, `cache miss, executing`, `cache hit, ...`.
// The hash is the 16-hex-digit word after the words ("force executing" holds hex letters: skip whole words).
const TURBO_TASK_LINE = /^(\S+?): cache (?:bypass|miss|hit)\b(?:.*?\b([0-9a-f]{16})\b)?/;

/** The flag that makes each tool execute every task. */
export const SKIP_CACHE_FLAG: Readonly<Record<'nx' | 'turbo', string>> = { nx: '--skip-nx-cache', turbo: '--force' };

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07/g;

// Nx: `✔  nx run lib:build  [local cache]`, `> nx run app:build:production  [existing outputs match the cache, left as is]`.
const NX_CACHED = /nx run (\S+?)\s+\[(local cache|remote cache|existing outputs match the cache, left as is)\]/;
// Turbo: `lib:build: cache hit, replaying logs 0123456789abcdef` (also "suppressing logs" with --output-logs).
const TURBO_CACHED = /^(?:(\S+?): )?cache hit(?: \(outputs already on disk\))?, (?:replaying|suppressing) logs ([0-9a-f]{8,})/;

/** Cache hits the tool reported in its output (stdout and stderr, any order). */
export function parseCacheHits(plan: Plan, output: string): CacheHits {
  const cached = new Set<string>();
  const evidence = new Map<string, string>();
  if (plan.source !== 'nx' && plan.source !== 'turbo') return { cached, evidence };
  const ids = new Set(plan.tasks.map((t) => t.id));
  const byHash = new Map<string, string>();
  for (const t of plan.tasks) if (t.identity?.TURBO_HASH) byHash.set(t.identity.TURBO_HASH, t.id);
  for (const raw of output.split(/\r?\n|\r/)) {
    const line = raw.replace(ANSI, '').trim();
    if (plan.source === 'nx') {
      const m = NX_CACHED.exec(line);
      if (m && ids.has(m[1])) {
        cached.add(m[1]);
        evidence.set(m[1], `nx printed [${m[2]}]`);
      }
    } else {
      const m = TURBO_CACHED.exec(line);
      if (!m) continue;
      // The hash is exact; the "pkg:task" prefix is the fallback (turbo prints ':' where ids have '#').
      const id = byHash.get(m[2]) ?? (m[1] ? m[1].replace(/:(?=[^:]*$)/, '#') : undefined);
      if (id !== undefined && ids.has(id)) {
        cached.add(id);
        evidence.set(id, 'turbo printed "cache hit"');
      }
    }
  }
  return { cached, evidence };
}

/** Whether the traced command turns the tool's cache off for every task. */
export function commandSkipsCache(source: 'nx' | 'turbo', command: readonly string[]): boolean {
  const at = findToolIndex(command, source);
  // A wrapper (npm run build -> nx ...) hides the flags: assume the cache was used.
  if (at < 0) return false;
  const args = command.slice(at + 1);
  const end = args.indexOf('--');
  const own = end >= 0 ? args.slice(0, end) : args;
  if (source === 'nx') return own.some((a) => a === '--skip-nx-cache' || a === '--skipNxCache' || a === '--skip-nx-cache=true' || a === '--skipNxCache=true');
  return own.some((a) => a === '--force' || a === '--force=true');
}

export interface DetectCacheHitsInput {
  plan: Plan;
  command: readonly string[];
  /** The build's output (stdout and stderr). */
  output: string;
  /** Processes attributed to each task. */
  processCounts: ReadonlyMap<string, number>;
  /** The build's exit code (a failed build may have skipped tasks: they are not-run, not cached). */
  exitCode: number | null;
}

/**
 * Cached tasks of an nx/turbo run: those the tool said it restored, plus (in a successful build that
 * did not skip the cache) planned tasks nothing ran for. A task that did run is never cached.
 */
export function detectCacheHits(input: DetectCacheHitsInput): CacheHits {
  const { plan } = input;
  const hits = parseCacheHits(plan, input.output);
  if (plan.source !== 'nx' && plan.source !== 'turbo') return hits;
  for (const id of [...hits.cached]) {
    if ((input.processCounts.get(id) ?? 0) > 0) {
      hits.cached.delete(id);
      hits.evidence.delete(id);
    }
  }
  // Nx and turbo print a line for every task they start; in a successful build a task never named was
  // not part of it (affected, --exclude...). Only trusted when the tool printed task lines at all.
  const named = plan.source === 'nx' ? nxNamedTasks(input.output) : turboNamedTasks(plan, input.output);
  if (input.exitCode === 0 && named.size > 0) {
    hits.skipped = new Set(plan.tasks.filter((t) => !named.has(t.id) && !hits.cached.has(t.id) && (input.processCounts.get(t.id) ?? 0) === 0).map((t) => t.id));
  }
  if (input.exitCode === 0 && !commandSkipsCache(plan.source, input.command)) {
    for (const t of plan.tasks) {
      if (hits.cached.has(t.id) || hits.skipped?.has(t.id) || (input.processCounts.get(t.id) ?? 0) > 0) continue;
      hits.cached.add(t.id);
      hits.evidence.set(t.id, `no process ran for it in a successful build that did not pass ${SKIP_CACHE_FLAG[plan.source]}`);
    }
  }
  return hits;
}

/** Task ids nx named in `nx run <task>` lines of its output. */
export function nxNamedTasks(output: string): Set<string> {
  const named = new Set<string>();
  for (const raw of output.split(/\r?\n|\r/)) {
    const m = NX_TASK_LINE.exec(raw.replace(ANSI, ''));
    if (m) named.add(m[1]);
  }
  return named;
}

/** Task ids turbo named in its `pkg:task: cache ...` lines (by hash when it prints one). */
export function turboNamedTasks(plan: Plan, output: string): Set<string> {
  const byHash = new Map<string, string>();
  for (const t of plan.tasks) if (t.identity?.TURBO_HASH) byHash.set(t.identity.TURBO_HASH, t.id);
  const named = new Set<string>();
  for (const raw of output.split(/\r?\n|\r/)) {
    const m = TURBO_TASK_LINE.exec(raw.replace(ANSI, '').trim());
    if (!m) continue;
    // turbo prints "pkg:task" where ids have "pkg#task".
    named.add((m[2] && byHash.get(m[2])) ?? m[1].replace(/:(?=[^:]*$)/, '#'));
  }
  return named;
}

// `lib:build: cache miss, executing 0123456789abcdef`, `lib:build: cache bypass, force executing <hash>`.
const TURBO_EXECUTING = /^(\S+?): cache (?:miss|bypass), (?:force )?executing ([0-9a-f]{16})\b/;

/**
 * TURBO_HASH -> task as the run printed it (`lib:build: cache miss, executing <hash>`), for planned tasks
 * whose hash in the run differs from the plan's (a task `env` variable the dry run did not see).
 */
export function turboRunHashes(plan: Plan, output: string): Map<string, string> {
  const ids = new Set(plan.tasks.map((t) => t.id));
  const planned = new Set(plan.tasks.map((t) => t.identity?.TURBO_HASH));
  const out = new Map<string, string>();
  for (const raw of output.split(/\r?\n|\r/)) {
    const m = TURBO_EXECUTING.exec(raw.replace(ANSI, '').trim());
    if (!m || planned.has(m[2])) continue;
    const id = m[1].replace(/:(?=[^:]*$)/, '#');
    if (ids.has(id)) out.set(m[2], id);
  }
  return out;
}

/** The run-level reason a cached task leaves the verdict incomplete, naming the flag that fixes it. */
export function cachedTaskReason(source: Plan['source'], taskId: string, evidence?: string): string {
  const tool = source === 'nx' || source === 'turbo' ? source : 'the build tool';
  const flag = source === 'nx' || source === 'turbo' ? SKIP_CACHE_FLAG[source] : 'its option to skip the cache';
  return `task ${taskId}: restored from the ${tool} cache${evidence ? ` (${evidence})` : ''}, so nothing ran and it was not checked: rerun with ${flag} to trace it`;
}
