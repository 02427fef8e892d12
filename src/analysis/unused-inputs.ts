import path from 'node:path';
import { compilePatterns, patternBase } from '../plan/patterns.js';
import type { Plan, PlanTask } from '../plan/types.js';
import type { TaskCoverage } from './coverage.js';
import type { Observation } from './task-findings.js';
import type { TaskIO } from './task-io.js';

/**
 * unused_input: a declared input pattern none of whose files the task opened (or wrote). It names the
 * pattern as declared (`{workspaceRoot}/tools/**` via the named input `sharedGlobals`), never a folder
 * computed from files; dependency inputs (`^production`) are the tool's business and never reported.
 */
export interface DeclaredPattern {
  /** As declared, in the tool's syntax. */
  declared: string;
  /** Workspace-relative glob. */
  rel: string;
  /** The named input it came from (Nx). */
  via?: string;
  /** Exclusions declared next to it (workspace-relative, without '!'). */
  excludes: string[];
}

/** The task's own declared file patterns, named inputs expanded; undefined when nothing is known. */
export function declaredPatterns(source: Plan['source'], task: PlanTask): DeclaredPattern[] | undefined {
  if (source === 'file') return fromList(task.inputs.map((p) => ({ declared: p, rel: p })));
  if (source === 'turbo') {
    if (!task.declaredInputs) return undefined; // turbo's default: every git-tracked file of the package
    const items: { declared: string; rel: string }[] = [];
    for (const e of task.declaredInputs) {
      if (typeof e !== 'string' || e.includes('$TURBO_DEFAULT$')) continue;
      const neg = e.startsWith('!');
      const body = neg ? e.slice(1) : e;
      const rel = path.posix.normalize(body.startsWith('$TURBO_ROOT$/') ? body.slice('$TURBO_ROOT$/'.length) : path.posix.join(task.projectRoot || '.', body));
      // turbo's resolved definition writes `$TURBO_ROOT$/x` as `../../x`: show it the way users write it.
      const shown = rel.startsWith('../') || (task.projectRoot !== '' && !rel.startsWith(task.projectRoot + '/') && rel !== task.projectRoot) ? `$TURBO_ROOT$/${rel}` : e;
      items.push({ declared: neg && !shown.startsWith('!') ? `!${shown}` : shown, rel: (neg ? '!' : '') + rel });
    }
    return fromList(items);
  }
  return fromList(nxInputPatterns(task));
}

/**
 * An Nx task's file inputs (its list, or Nx's default), named inputs expanded, each as declared and as a
 * workspace-relative glob ('!' kept on exclusions), with the named input it came from.
 */
export function nxInputPatterns(task: PlanTask): { declared: string; rel: string; via?: string }[] {
  const named = task.namedInputs ?? {};
  const entries = task.declaredInputs ?? (named.default ? ['default', '^default'] : ['{projectRoot}/**/*']);
  const items: { declared: string; rel: string; via?: string }[] = [];
  const seen = new Set<string>();
  const expand = (list: unknown[], via: string | undefined) => {
    for (const e of list) {
      const s = typeof e === 'string' ? e : e && typeof e === 'object' && typeof (e as { fileset?: unknown }).fileset === 'string' ? (e as { fileset: string }).fileset : undefined;
      if (s === undefined || s.startsWith('^')) continue; // env/runtime/external/dependency inputs
      if (named[s] && !s.includes('{')) {
        if (seen.has(s)) continue;
        seen.add(s);
        expand(named[s], s);
        continue;
      }
      const neg = s.startsWith('!');
      const body = neg ? s.slice(1) : s;
      let rel: string | undefined;
      if (body.startsWith('{workspaceRoot}/')) rel = body.slice('{workspaceRoot}/'.length);
      else if (body.startsWith('{projectRoot}')) rel = path.posix.join(task.projectRoot || '.', body.slice('{projectRoot}'.length).replace(/^\//, '') || '.');
      if (rel === undefined) continue;
      items.push({ declared: s, rel: (neg ? '!' : '') + path.posix.normalize(rel), ...(via ? { via } : {}) });
    }
  };
  expand(entries, undefined);
  return items;
}

function fromList(items: { declared: string; rel: string; via?: string }[]): DeclaredPattern[] {
  const excludes = items.filter((i) => i.rel.startsWith('!')).map((i) => i.rel.slice(1));
  return items.filter((i) => !i.rel.startsWith('!') && i.rel !== '.' && i.rel !== '').map((i) => ({ ...i, excludes }));
}

export interface UnusedContext {
  /** Workspace files under these bases (ignored paths left out). */
  listFiles(bases: string[]): Iterable<string>;
  ignoredRead(task: string, rel: string): boolean;
  /** Every file any task wrote. */
  allWritten: ReadonlySet<string>;
}

export function unusedInputs(source: Plan['source'], graded: readonly TaskCoverage[], io: ReadonlyMap<string, TaskIO>, ctx: UnusedContext): Observation[] {
  const perTask = graded.map((c) => ({ c, patterns: declaredPatterns(source, c.task) ?? [] }));
  const bases = perTask.flatMap((t) => t.patterns.map((p) => patternBase(p.rel)));
  const files = bases.length ? [...ctx.listFiles(bases)] : [];
  const out: Observation[] = [];
  for (const { c, patterns } of perTask) {
    const task = c.task;
    const used = io.get(task.id);
    for (const p of patterns) {
      const positive = compilePatterns([p.rel]);
      const one = compilePatterns([p.rel, ...p.excludes.map((e) => '!' + e)]);
      const base = patternBase(p.rel);
      const prefix = base === '' ? '' : base + '/';
      const matched: string[] = [];
      let touched = false;
      for (const f of files) {
        // Cheap prefix test first: most files lie under other patterns' folders.
        if ((prefix !== '' && f !== base && !f.startsWith(prefix)) || !positive.covers(f)) continue;
        // The pattern is in use when the task touched anything it names, also a file an exclusion takes
        // out again (a generated file moved from inputs to outputs leaves the rest of src/** in use).
        if (used?.read.has(f) || used?.written.has(f) || ctx.allWritten.has(f)) {
          touched = true;
          break;
        }
        if (!one.covers(f) || !c.inputs.covers(f) || c.outputs.covers(f) || ctx.ignoredRead(task.id, f)) continue;
        matched.push(f);
      }
      if (touched || matched.length === 0) continue;
      matched.sort();
      out.push({ type: 'unused_input', task, path: p.rel, severity: 'info', declared: p.declared, ...(p.via ? { via: p.via } : {}), count: matched.length, samples: matched.slice(0, 10) });
    }
  }
  return out;
}
