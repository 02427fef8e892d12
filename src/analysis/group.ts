import path from 'node:path';
import { SEVERITY_RANK, TYPE_RANK, type Finding, type Fix, type FindingType, type Severity } from '../core/findings.js';
import type { Plan, PlanTask } from '../plan/types.js';
import { locationKey } from './coverage.js';
import { FixWriter, toolPattern, toolTaskRef } from './fixes.js';
import type { Observation } from './task-findings.js';

export interface GroupContext {
  /** Whether a folder holds git-tracked files (never proposed as an outputs glob). */
  tracked?: (dir: string) => boolean;
  /**
   * The outermost folder below the workspace root that holds `rel` and is a workspace package (has a
   * package.json or project.json), if any: the unit a task's reads of another package's files are grouped by.
   */
  packageRootOf?: (rel: string) => string | undefined;
}

/**
 * Root causes: observations that one edit fixes become one finding, with a count, samples, the tasks,
 * and that one fix. Within a task, files under one folder of the project become `folder/**`; reads
 * outside the task's project are grouped by the tree they lie in (another workspace package's folder,
 * else the top folder under the workspace root), across the tasks declared in one place, and named by the
 * deepest folder holding them all; the same value at the same config place (a shared `targetDefaults` or
 * root turbo.json entry) is one edit; a root file or tree read by tasks declared in different places is
 * one workspace-wide fix (Nx `sharedGlobals`, turbo `globalDependencies`). Findings come out ranked by
 * likely impact.
 */
export function groupFindings(plan: Plan, observations: readonly Observation[], fixes: FixWriter, ctx: GroupContext = {}): Finding[] {
  const { tracked } = ctx;
  const groups = new Map<string, Group>();
  const put = (key: string, o: Observation, pattern: string, fixValue?: string, tree?: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, type: o.type, severity: o.severity, pattern, first: o, tasks: new Map(), paths: new Set(), fixValue, ...(tree !== undefined ? { tree } : {}) }));
    if (SEVERITY_RANK[o.severity] > SEVERITY_RANK[g.severity]) g.severity = o.severity;
    // The group speaks for its real cause: an arguable read that joined it never names it.
    if (g.first.reason && !o.reason) g.first = o;
    if (!g.tasks.has(o.task.id)) g.tasks.set(o.task.id, o.task);
    if (o.samples) for (const s of o.samples) g.paths.add(s);
    else g.paths.add(o.path);
    if (o.count && o.count > (g.count ?? 0)) g.count = o.count;
  };

  // Reads outside the task's project, by tree: a tree with an unarguable read of the task takes the task's
  // arguable reads there too (a copied template's package.json, .npmrc and tsconfig.json are its files).
  const treeOfRead = (o: Observation): string | undefined =>
    o.type === 'unexpected_read' && !o.toolCache && !(o.dependencyManifest && plan.source === 'nx') && !inProject(o.task, o.path) ? treeOf(o.path, ctx.packageRootOf) : undefined;
  const errorTrees = new Set<string>();
  for (const o of observations) {
    if (o.reason || o.severity !== 'error') continue;
    const tree = treeOfRead(o);
    if (tree !== undefined) errorTrees.add(`${o.task.id}\0${tree}`);
  }

  // Per task and type: the pattern each file is declared by.
  const byTaskType = new Map<string, Observation[]>();
  for (const o of observations) {
    const k = `${o.task.id}\0${o.type}`;
    let list = byTaskType.get(k);
    if (!list) byTaskType.set(k, (list = []));
    list.push(o);
  }
  for (const list of byTaskType.values()) {
    const first = list[0];
    const patterns =
      first.type === 'unexpected_read' || first.type === 'unexpected_write'
        ? filePatterns(first.task, list.map((o) => o.path), first.type === 'unexpected_write' ? tracked : undefined)
        : first.type === 'input_mutation'
          ? mutationPatterns(first.task, list, tracked)
          : undefined;
    for (const o of list) {
      const pattern = patterns?.get(o.path) ?? o.path;
      const kind = o.toolCache ? `cache:${o.toolCache.tool}` : o.reason ?? '';
      let key: string;
      let fixValue: string | undefined;
      switch (o.type) {
        case 'unexpected_read':
        case 'unexpected_write': {
          const tree = treeOfRead(o);
          if (tree !== undefined && (!o.reason ? o.severity === 'error' : errorTrees.has(`${o.task.id}\0${tree}`))) {
            // One tree of one task, and of every task declared in the same place: one value, one edit.
            const loc = locationKey(o.task.declaredAt?.inputs) ?? `task:${o.task.id}`;
            put(JSON.stringify([o.type, 'error', 'tree', tree, loc]), { ...o, severity: 'error' }, tree, undefined, tree);
            continue;
          }
          if (o.dependencyManifest && plan.source === 'nx') {
            // One dependency input (`^{projectRoot}/package.json`) fixes every dependency's package.json.
            key = JSON.stringify([o.type, o.severity, 'dependency-manifest']);
            break;
          }
          const field = o.type === 'unexpected_read' ? 'inputs' : 'outputs';
          // One edit at one shared place fixes every task declared there.
          const value = toolPattern(plan.source, o.task, pattern);
          const loc = locationKey(o.task.declaredAt?.[field]) ?? `task:${o.task.id}`;
          // Arguable reads (one reason) are one finding, whatever the files and wherever the tasks are
          // declared: nothing needs to change, and the optional fix (ignore them) is the same for all.
          const arguable = o.reason !== undefined && !o.toolCache;
          key = JSON.stringify([o.type, o.severity, kind, arguable ? '' : value, arguable ? '' : loc]);
          fixValue = JSON.stringify([value, loc]);
          break;
        }
        case 'undeclared_dependency':
        case 'overlapping_output':
          key = JSON.stringify([o.type, o.task.id, o.otherTask]);
          break;
        case 'unused_input':
          // A named input, or one shared declaration, is one edit for every task that uses it.
          key = JSON.stringify([o.type, o.declared, o.via ?? '', o.via ? '' : locationKey(o.task.declaredAt?.inputs) ?? o.task.id, o.declared?.includes('{projectRoot}') || o.via ? '' : o.path]);
          break;
        case 'input_mutation': {
          // Files both declared input and output under one untracked folder (a dist/ the inputs' `**/*`
          // also matches): one exclusion fixes them all, for every task declared in the same place.
          const value = patterns?.get(o.path);
          key = value
            ? JSON.stringify([o.type, o.severity, kind, toolPattern(plan.source, o.task, value), locationKey(o.task.declaredAt?.inputs) ?? `task:${o.task.id}`])
            : JSON.stringify([o.type, o.task.id, o.path, kind]);
          break;
        }
        case 'missing_output':
          // One pattern of one shared list is one edit, however many tasks it leaves empty.
          key = o.sharedList
            ? JSON.stringify([o.type, toolPattern(plan.source, o.task, o.declared ?? o.path), locationKey(o.task.declaredAt?.outputs) ?? o.task.id])
            : JSON.stringify([o.type, o.task.id, o.path, kind]);
          break;
        default:
          key = JSON.stringify([o.type, o.task.id, o.path, kind]);
      }
      put(key, o, pattern, fixValue);
    }
  }

  for (const g of groups.values()) if (g.tree !== undefined) g.pattern = treePattern(g.paths);
  mergeToolCacheWrites(groups);
  mergeRootReads(groups);

  const findings = [...groups.values()].map((g) => toFinding(plan, g, fixes));
  findings.sort(compareFindings);
  return findings;
}

interface Group {
  key: string;
  type: FindingType;
  severity: Severity;
  /** Workspace-relative path or pattern the group stands for. */
  pattern: string;
  first: Observation;
  tasks: Map<string, PlanTask>;
  paths: Set<string>;
  /** For pattern findings, how many files the pattern stands for. */
  count?: number;
  /** A workspace-wide fix (root file read by tasks declared in different places). */
  global?: boolean;
  /** The value the fix adds and where (reads/writes): groups with the same one are one edit. */
  fixValue?: string;
  /** Reads outside the tasks' projects: the tree they lie in (a workspace package's folder, or a top folder). */
  tree?: string;
}

function inProject(task: PlanTask, rel: string): boolean {
  return task.projectRoot === '' || rel === task.projectRoot || rel.startsWith(task.projectRoot + '/');
}

/**
 * The tree a read outside the task's project lies in: the workspace package holding it (its outermost
 * package folder), else its top folder under the workspace root. A file at the root has none: each root
 * file is its own cause (a root tsconfig and a LICENSE are different edits).
 */
function treeOf(rel: string, packageRootOf: GroupContext['packageRootOf']): string | undefined {
  const slash = rel.indexOf('/');
  if (slash <= 0 || rel.startsWith('../')) return undefined;
  return packageRootOf?.(rel) ?? rel.slice(0, slash);
}

/**
 * How a tree's files are declared: one file is itself; several are the deepest folder holding them all
 * (`templates/skeleton/**`, not one finding per subfolder): the narrowest glob that also covers the
 * files the next change adds beside them, so one edit fixes the cause.
 */
function treePattern(paths: ReadonlySet<string>): string {
  const list = [...paths];
  if (list.length === 1) return list[0];
  let parts = list[0].split('/').slice(0, -1);
  for (const p of list) {
    const q = p.split('/');
    let i = 0;
    while (i < parts.length && i < q.length - 1 && q[i] === parts[i]) i++;
    parts = parts.slice(0, i);
  }
  return `${parts.join('/')}/**`;
}

/**
 * Mutated inputs that are also declared outputs, two or more under one folder holding no git-tracked
 * file: that folder (`dist/**`), as writes are grouped. A file that is only an input stays itself: an
 * exclusion glob over sources would take them out of the hash.
 */
function mutationPatterns(task: PlanTask, list: readonly Observation[], tracked?: (dir: string) => boolean): Map<string, string> {
  const both = list.filter((o) => o.alsoOutput).map((o) => o.path);
  const byPattern = filePatterns(task, both, tracked);
  const counts = new Map<string, number>();
  for (const p of byPattern.values()) counts.set(p, (counts.get(p) ?? 0) + 1);
  const out = new Map<string, string>();
  for (const [rel, p] of byPattern) if (p !== rel && (counts.get(p) ?? 0) >= 2) out.set(rel, p);
  return out;
}

/**
 * How a person would declare these files of one task: inside the task's project, everything under one
 * top folder becomes `<project>/<folder>/**`; elsewhere 3+ files in one folder become `folder/**`; a
 * single file stays itself. With `tracked` (written files: outputs), a folder holding git-tracked files
 * is never the pattern (a cache hit would overwrite sources): the file's own folder if it holds none,
 * else the file itself.
 */
export function filePatterns(task: PlanTask, paths: readonly string[], tracked?: (dir: string) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  const root = task.projectRoot;
  const outside: string[] = [];
  for (const p of paths) {
    if (root !== '' && p.startsWith(root + '/')) {
      const rest = p.slice(root.length + 1);
      const slash = rest.indexOf('/');
      const top = `${root}/${rest.slice(0, slash)}`;
      if (slash !== -1 && tracked?.(top)) {
        const dir = path.posix.dirname(p);
        out.set(p, tracked(dir) ? p : `${dir}/**`);
      } else out.set(p, slash === -1 ? p : `${top}/**`);
    } else outside.push(p);
  }
  const byDir = new Map<string, string[]>();
  for (const p of outside) {
    const dir = path.posix.dirname(p);
    let list = byDir.get(dir);
    if (!list) byDir.set(dir, (list = []));
    list.push(p);
  }
  for (const [dir, list] of byDir) {
    for (const p of list) out.set(p, list.length >= 3 && dir !== '.' && !tracked?.(dir) ? `${dir}/**` : p);
  }
  return out;
}

function outsideAllProjects(rel: string, tasks: Iterable<PlanTask>): boolean {
  for (const t of tasks) if (t.projectRoot === '' || rel === t.projectRoot || rel.startsWith(t.projectRoot + '/')) return false;
  return true;
}

/**
 * A tool cache written under a folder whose other undeclared writes have the same fix (tsc -b's
 * `dist/x.tsbuildinfo` beside the `dist/**` it emitted): one root cause, so one finding with one count.
 */
function mergeToolCacheWrites(groups: Map<string, Group>): void {
  const plain = new Map<string, Group>();
  for (const g of groups.values()) if (g.type === 'unexpected_write' && !g.first.toolCache && g.fixValue) plain.set(g.fixValue, g);
  for (const g of [...groups.values()]) {
    if (g.type !== 'unexpected_write' || !g.first.toolCache || !g.fixValue) continue;
    const into = plain.get(g.fixValue);
    if (!into) continue;
    groups.delete(g.key);
    for (const [id, t] of g.tasks) into.tasks.set(id, t);
    for (const p of g.paths) into.paths.add(p);
    if (into.count !== undefined) into.count += g.count ?? g.paths.size;
  }
}

/** Error reads of one root path by tasks declared in different places: one workspace-wide fix. */
function mergeRootReads(groups: Map<string, Group>): void {
  const byPattern = new Map<string, Group[]>();
  for (const g of groups.values()) {
    if (g.type !== 'unexpected_read' || g.severity !== 'error' || g.first.toolCache || g.first.reason || g.first.dependencyManifest) continue;
    // A tree (a shared config folder) is one cause whichever of its files each task read.
    const unit = g.tree ?? g.pattern;
    if (!outsideAllProjects(unit, g.tasks.values())) continue;
    let list = byPattern.get(unit);
    if (!list) byPattern.set(unit, (list = []));
    list.push(g);
  }
  for (const [unit, list] of byPattern) {
    // One shared place that already lists inputs is one edit too; a place where inputs are not set
    // (tool defaults) or inferred would need the whole list written out: the global list is simpler.
    const what = list[0].first.task.declaredAt?.inputs?.what ?? '';
    const tasks = new Set(list.flatMap((g) => [...g.tasks.keys()]));
    if (list.length < 2 && !(tasks.size >= 2 && (what.includes('not set') || what.includes('inferred by plugin')))) continue;
    const merged: Group = { ...list[0], key: `global:${unit}`, tasks: new Map(), paths: new Set(), global: true };
    for (const g of list) {
      groups.delete(g.key);
      for (const [id, t] of g.tasks) merged.tasks.set(id, t);
      for (const p of g.paths) merged.paths.add(p);
    }
    if (merged.tree !== undefined) merged.pattern = treePattern(merged.paths);
    groups.set(merged.key, merged);
  }
}

function toFinding(plan: Plan, g: Group, fixes: FixWriter): Finding {
  const tasks = [...g.tasks.values()].sort((a, b) => a.id.localeCompare(b.id));
  const task = tasks[0];
  const paths = [...g.paths].sort();
  const count = g.count ?? paths.length;
  const o = g.first;
  const who = tasks.length === 1 ? task.id : `${tasks.length} tasks (${tasks.slice(0, 3).map((t) => t.id).join(', ')}${tasks.length > 3 ? ', ...' : ''})`;
  const fixPattern = g.pattern;
  // Pairs of tasks (undeclared dependency, overlapping output) group whatever files they share.
  if ((g.type === 'undeclared_dependency' || g.type === 'overlapping_output') && paths.length > 1) g.pattern = commonPattern(paths, false);
  // One value for several projects (`{projectRoot}/tsconfig.json`): name the files' common shape.
  if ((g.type === 'unexpected_read' || g.type === 'unexpected_write' || g.type === 'input_mutation') && tasks.length > 1 && !g.global && g.tree === undefined && paths.length > 1 && !o.reason) {
    // An excluded folder of each project (`!dist/**`): `packages/**/dist/**`, not the bare common folder.
    const own = task.projectRoot && fixPattern.startsWith(task.projectRoot + '/') ? fixPattern.slice(task.projectRoot.length + 1) : undefined;
    const common = commonPattern(paths, false);
    g.pattern = g.type === 'input_mutation' && own?.endsWith('/**') && common.endsWith('/**') ? `${common}/${own}` : commonPattern(paths);
  }
  const what = count === 1 ? paths[0] : `${count} files under ${g.pattern} (e.g. ${paths.slice(0, 2).join(', ')})`;
  const their = tasks.length === 1 ? 'its' : 'their';
  let message: string;
  let fix: Fix | undefined;
  switch (g.type) {
    case 'unexpected_read':
      if (o.toolCache) {
        message = `${who} read ${what}: ${o.toolCache.advice}`;
        fix = fixes.toolCache(task, fixPattern, o.toolCache);
      } else if (o.dependencyManifest && plan.source === 'nx') {
        const files = count === 1 ? paths[0] : `e.g. ${paths.slice(0, 3).join(', ')}`;
        message =
          `${who} read the package.json of ${count === 1 ? 'a workspace project' : `${count} workspace projects`} ${tasks.length === 1 ? 'it depends' : 'they depend'} on (${files}), ` +
          `which ${their} inputs do not cover: module resolution (tsc, bundlers) reads its "exports"/"types"/"main", so a change to it will not invalidate the cache`;
        fix = fixes.dependencyManifests(tasks);
      } else if (o.reason) {
        const files = count === 1 ? paths[0] : `${count} files (e.g. ${paths.slice(0, 3).join(', ')})`;
        message = `${who} read ${files}, which ${their} inputs do not cover (${o.reason})`;
        fix = fixes.arguable(tasks, count === 1 ? paths[0] : commonPattern(paths));
      } else {
        message = `${who} read ${what}, which ${their} inputs do not cover: a change to it will not invalidate the cache`;
        fix = g.global ? fixes.global(tasks, fixPattern) : fixes.add(task, tasks, 'inputs', fixPattern, false, paths);
      }
      break;
    case 'unexpected_write':
      if (o.toolCache) {
        message = `${who} wrote ${what}: ${o.toolCache.advice}`;
        fix = fixes.toolCache(task, fixPattern, o.toolCache);
      } else if (o.reason) {
        // An intermediate: not a product, so never an outputs entry (it could cover tracked sources).
        const files = count === 1 ? paths[0] : `${count} files (e.g. ${paths.slice(0, 3).join(', ')})`;
        const dirs = [...new Set(paths.map((p) => p.slice(0, Math.max(0, p.lastIndexOf('/')))))].filter(Boolean);
        const patterns = count === 1 ? [paths[0]] : dirs.length <= 10 && g.paths.size === count && paths.every((p) => p.includes('/')) ? dirs.map((d) => `${d}/**`) : [commonPattern(paths, false)];
        message = `${who} wrote ${files}, which ${their} outputs do not cover (${o.reason})`;
        fix = { summary: `nothing to change for correctness; to stop reporting it, ignore these writes with "exclude-writes": ${JSON.stringify(patterns)} in io-trace.config.json`, field: 'ignore', add: patterns };
      } else {
        message = `${who} wrote ${what}, which ${their} outputs do not cover: a cache hit will not restore it`;
        fix = fixes.add(task, tasks, 'outputs', fixPattern);
      }
      break;
    case 'input_mutation':
      message = o.alsoOutput
        ? `${who} wrote ${what}, which ${count === 1 ? 'is' : 'are'} both a declared input and output of ${tasks.length === 1 ? 'it' : 'them'}: ${their} hash includes what ${tasks.length === 1 ? 'it' : 'they'} wrote, so a clean checkout and a built one never share a cache entry`
        : `${who} wrote ${what}, one of its own declared inputs: the next run hashes different inputs`;
      if (o.reason) message = `${who} rewrote ${what}, one of its own declared inputs, ${o.reason}`;
      fix = fixes.inputMutation(task, fixPattern, o.alsoOutput ?? false);
      if (tasks.length > 1) fix = { ...fix, summary: `${fix.summary} (one edit for ${tasks.length} tasks: ${tasks.slice(0, 3).map((t) => t.id).join(', ')}${tasks.length > 3 ? ', ...' : ''})` };
      break;
    case 'undeclared_dependency': {
      const other = plan.tasks.find((t) => t.id === o.otherTask)!;
      message = `${task.id} read ${what} produced by ${o.otherTask}, but does not depend on it: the result depends on which task runs first`;
      fix = fixes.add(task, [task], 'dependsOn', toolTaskRef(plan.source, task, other), true);
      break;
    }
    case 'overlapping_output':
      message = `${task.id} and ${o.otherTask} both wrote ${what}: the last to finish wins, and each cache entry restores a different version`;
      fix = fixes.overlap(task, o.otherTask!);
      break;
    case 'missing_output':
      message =
        `${tasks.length === 1 ? `${task.id} declares` : `${who} declare`} output ${toolPattern(plan.source, task, o.declared ?? o.path)} but nothing it matches exists after the run` +
        (o.reason ? ` (${o.reason})` : ': check the path, or remove it');
      fix = fixes.missingOutput(task, o.declared ?? o.path);
      break;
    case 'unused_input': {
      const decl = `${o.declared}${o.via ? ` via ${o.via}` : ''}`;
      message = `${who} never opened any of the ${count} file${count === 1 ? '' : 's'} input ${decl} matches (e.g. ${paths[0]}): a change to them causes a needless cache miss`;
      fix = fixes.unused(task, o.declared ?? o.path, o.via);
      break;
    }
  }
  const path =
    g.type === 'unused_input'
      ? `${o.declared}${o.via ? ` via ${o.via}` : ''}`
      : count === 1
        ? paths[0]
        : ((o.reason && !o.toolCache) || o.dependencyManifest) && g.tree === undefined && (g.type === 'unexpected_read' || g.type === 'unexpected_write')
          ? commonPattern(paths, g.type === 'unexpected_read')
          : g.pattern;
  return {
    task: task.id,
    type: g.type,
    path,
    severity: g.severity,
    message,
    ...(fix ? { fix } : {}),
    ...(o.otherTask ? { otherTask: o.otherTask } : {}),
    ...(count > 1 || g.type === 'unused_input' ? { count } : {}),
    ...(count > 1 || g.type === 'unused_input' ? { samples: paths.slice(0, 10) } : {}),
    ...(tasks.length > 1 ? { tasks: tasks.map((t) => t.id) } : {}),
    ...(o.reason ? { reason: o.reason } : {}),
  };
}

/** Errors first; within a severity, the types that break builds first, then the widest causes. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    TYPE_RANK[b.type] - TYPE_RANK[a.type] ||
    (b.tasks?.length ?? 1) - (a.tasks?.length ?? 1) ||
    (b.count ?? 1) - (a.count ?? 1) ||
    a.task.localeCompare(b.task) ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
  );
}

/** The narrowest glob for several paths: their common folder, with the few file names they share under it. */
function commonPattern(paths: readonly string[], withNames = true): string {
  const names = new Set(paths.map((p) => path.posix.basename(p)));
  const parts = paths[0].split('/');
  let n = parts.length - 1;
  for (const p of paths) {
    const q = p.split('/');
    let i = 0;
    while (i < n && q[i] === parts[i]) i++;
    n = i;
  }
  const dir = parts.slice(0, n).join('/');
  const sorted = [...names].sort();
  const tail = !withNames ? '**' : sorted.length === 1 ? `**/${sorted[0]}` : sorted.length <= 6 ? `**/{${sorted.join(',')}}` : '**';
  return dir ? `${dir}/${tail}` : tail;
}
