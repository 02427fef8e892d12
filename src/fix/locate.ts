import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { Plan, PlanTask } from '../plan/types.js';

/**
 * Where one fix lands in the user's config, in each tool's merge rules:
 * - plan file: `tasks[i].<field>` of the task (dependsOn is `dependencies` there);
 * - Turborepo: the turbo.json entry turbo reads the field from (package turbo.json, then root
 *   `pkg#task` if it exists, else root `task`: a `pkg#task` entry inherits nothing from `task`); a missing `inputs` is created with `$TURBO_DEFAULT$` first, since an
 *   explicit list replaces turbo's default (all git-tracked files of the package);
 * - Nx: the field where it is declared (`targets.T.f` in project.json / package.json "nx", or
 *   `targetDefaults.K.f` in nx.json). A project-specific value never goes into a shared targetDefaults
 *   entry: it goes into the project's own config, which replaces the shared list, so the shared list is
 *   copied in first. A field Nx fills by default (`inputs` -> ["default", "^default"]) or a plugin infers
 *   is created in the project's config with those values kept, since any `inputs` array replaces them.
 */

export type JsonPath = (string | number)[];

/** Append values to an array at `path`, or create it (with `base` first) when it does not exist. */
export interface ConfigEdit {
  /** Workspace-relative config file. */
  file: string;
  path: JsonPath;
  /** Values the array must hold after the edit (those already there are not added again). */
  values: unknown[];
  /** When the array does not exist yet: what it must start with (defaults the new array replaces). */
  base: unknown[];
  /** The file does not exist yet: it is created from this text, then edited. */
  newFile?: string;
}

export type Located = { edit: ConfigEdit } | { unfixable: string };

export interface LocateContext {
  source: Plan['source'];
  workspaceRoot: string;
  /** The plan file (absolute), for source 'file'. */
  planFile?: string;
  /** Every task of the plan (project roots tell a project-specific path). */
  tasks: readonly PlanTask[];
  /** A plugin-inferred Nx target's declared value of a field, as Nx resolves it (`nx show project`). */
  inferredField?: (project: string, target: string, field: string) => unknown[] | undefined;
}

type Field = 'inputs' | 'outputs' | 'dependsOn';

export class ConfigFiles {
  private readonly cache = new Map<string, { text: string; tree: Node | undefined } | null>();
  constructor(private readonly root: string) {}

  read(file: string): { text: string; tree: Node | undefined } | null {
    if (!this.cache.has(file)) {
      const abs = path.join(this.root, file);
      if (!existsSync(abs)) this.cache.set(file, null);
      else {
        const text = readFileSync(abs, 'utf8');
        this.cache.set(file, { text, tree: parseTree(text, [], { allowTrailingComma: true, disallowComments: false }) });
      }
    }
    return this.cache.get(file) ?? null;
  }

  node(file: string, p: JsonPath): Node | undefined {
    const f = this.read(file);
    return f?.tree ? findNodeAtLocation(f.tree, p) : undefined;
  }

  value(file: string, p: JsonPath): unknown {
    const n = this.node(file, p);
    return n ? nodeValue(n) : undefined;
  }
}

function nodeValue(n: Node): unknown {
  switch (n.type) {
    case 'array':
      return (n.children ?? []).map(nodeValue);
    case 'object':
      return Object.fromEntries((n.children ?? []).map((prop) => [prop.children![0].value as string, prop.children![1] ? nodeValue(prop.children![1]) : undefined]));
    default:
      return n.value;
  }
}

export function locateEdit(ctx: LocateContext, files: ConfigFiles, task: PlanTask, field: Field, values: unknown[], sharedBy = 1): Located {
  switch (ctx.source) {
    case 'file':
      return locatePlanFile(ctx, files, task, field, values);
    case 'turbo':
      return locateTurbo(ctx, files, task, field, values, sharedBy);
    case 'nx':
      return locateNx(ctx, files, task, field, values, sharedBy);
  }
}

function locatePlanFile(ctx: LocateContext, files: ConfigFiles, task: PlanTask, field: Field, values: unknown[]): Located {
  if (!ctx.planFile) return { unfixable: 'the run does not record its plan file' };
  const file = path.relative(ctx.workspaceRoot, ctx.planFile).split(path.sep).join('/');
  const list = files.value(file, ['tasks']);
  if (!Array.isArray(list)) return { unfixable: `${file} has no "tasks" array (was it moved or rewritten?)` };
  const index = list.findIndex((t) => t && typeof t === 'object' && (t as { id?: unknown }).id === task.id);
  if (index < 0) return { unfixable: `${file} no longer has task ${JSON.stringify(task.id)}` };
  return { edit: { file, path: ['tasks', index, field === 'dependsOn' ? 'dependencies' : field], values, base: [] } };
}

/** A package turbo.json ("Package Configurations"): its fields replace the root's for this package only. */
const PACKAGE_TURBO_JSON = '{\n  "extends": ["//"],\n  "tasks": {\n  }\n}\n';

function locateTurbo(ctx: LocateContext, files: ConfigFiles, task: PlanTask, field: Field, values: unknown[], sharedBy: number): Located {
  const packageFile = task.projectRoot ? path.posix.join(task.projectRoot, 'turbo.json') : undefined;
  const candidates: [string, string][] = [];
  if (packageFile) candidates.push([packageFile, task.target]);
  // The root's `pkg#task` entry, when there is one, replaces its `task` entry for that package (nothing is
  // inherited from `task`), so only one of the two is looked at.
  const own = `${task.project}#${task.target}`;
  const rootSection = files.node('turbo.json', ['tasks']) ? 'tasks' : 'pipeline';
  candidates.push(['turbo.json', files.node('turbo.json', [rootSection, own]) ? own : task.target]);
  let create: [string, JsonPath] | undefined;
  let inherited: unknown[] | undefined;
  let foundIn: [string, string] | undefined;
  for (const [file, key] of candidates) {
    const section = files.node(file, ['tasks']) ? 'tasks' : files.node(file, ['pipeline']) ? 'pipeline' : undefined;
    if (!section || !files.node(file, [section, key])) continue;
    const at: JsonPath = [section, key, field];
    const existing = files.value(file, at);
    if (Array.isArray(existing)) {
      if (!create) {
        foundIn = [file, key];
        inherited = existing;
        break;
      }
      inherited = existing;
      break;
    }
    create ??= [file, at];
  }
  if (foundIn) {
    const [file, key] = foundIn;
    // The root entry every package shares: a package's own path or task goes into that package's
    // turbo.json (one package's fact, declared for that package), a workspace file stays shared.
    const shared = file === 'turbo.json' && key === task.target && packageFile !== undefined &&
      sharedBy <= 1 && ctx.tasks.some((t) => t.target === task.target && t.project !== task.project);
    const packageOnly = values.some((v) => typeof v !== 'string' || !v.replace(/^!/, '').startsWith('$TURBO_ROOT$'));
    if (!(shared && packageOnly)) return { edit: { file, path: [files.node(file, ['tasks']) ? 'tasks' : 'pipeline', key, field], values, base: [] } };
    const pkg = files.read(packageFile);
    if (pkg && !files.node(packageFile, ['tasks'])) return { unfixable: `${packageFile} has no "tasks" object to hold ${task.target}.${field}` };
    return { edit: { file: packageFile, path: ['tasks', task.target, field], values, base: inherited ?? [], ...(pkg ? {} : { newFile: PACKAGE_TURBO_JSON }) } };
  }
  if (!create) return { unfixable: `no turbo.json entry defines ${task.id} (looked in ${candidates.map(([f, k]) => `${f} "${k}"`).join(', ')})` };
  // A package turbo.json field replaces the root's: carry the root's list over.
  const base = inherited ?? (field === 'inputs' ? ['$TURBO_DEFAULT$'] : []);
  return { edit: { file: create[0], path: create[1], values, base } };
}

const NX_DEFAULT_INPUTS = ['default', '^default'];

function nxProjectConfig(files: ConfigFiles, task: PlanTask): { file: string; targets: JsonPath } {
  const projectJson = path.posix.join(task.projectRoot, 'project.json');
  if (files.read(projectJson)) return { file: projectJson, targets: ['targets'] };
  return { file: path.posix.join(task.projectRoot, 'package.json'), targets: ['nx', 'targets'] };
}

/**
 * A value that only makes sense for this project: a path inside some project's root, another project
 * named in a dependsOn, or a `{projectRoot}` path seen in this task alone (a shared entry would declare
 * it for every project). `sharedBy` > 1: the finding stands for several tasks, so the shared entry is
 * the one edit that fixes them all.
 */
function projectSpecific(ctx: LocateContext, task: PlanTask, value: unknown, sharedBy: number): boolean {
  if (typeof value !== 'string') return true; // {projects: [...], target} names projects
  if (value.startsWith('^')) return false;
  if (value.startsWith('{projectRoot}')) return sharedBy <= 1;
  const rel = value.replace(/^!/, '').replace(/^\{workspaceRoot\}\//, '');
  if (!value.includes('/') && !value.includes('{')) return false; // a target name or a named input
  const roots = new Set(ctx.tasks.map((t) => t.projectRoot).filter((r) => r !== ''));
  roots.add(task.projectRoot);
  return [...roots].some((r) => r !== '' && (rel === r || rel.startsWith(r + '/')));
}

function locateNx(ctx: LocateContext, files: ConfigFiles, task: PlanTask, field: Field, values: unknown[], sharedBy: number): Located {
  const what = task.declaredAt?.[field]?.what ?? '';
  const project = nxProjectConfig(files, task);
  const ownPath: JsonPath = [...project.targets, task.target, field];
  const own = files.value(project.file, ownPath);
  if (Array.isArray(own)) return { edit: { file: project.file, path: ownPath, values, base: [] } };

  const td = /^targetDefaults\.(.+)\.(inputs|outputs|dependsOn)( \(|$)/.exec(what);
  if (td && td[2] === field) {
    const key = td[1];
    const shared = files.value('nx.json', ['targetDefaults', key, field]);
    if (Array.isArray(shared)) {
      if (!values.some((v) => projectSpecific(ctx, task, v, sharedBy))) return { edit: { file: 'nx.json', path: ['targetDefaults', key, field], values, base: [] } };
      // Project-specific: the project's own list replaces the shared one, which it starts from.
      if (!files.read(project.file)) return { unfixable: `${task.id} has no project.json or package.json to hold a project-specific ${field}` };
      return { edit: { file: project.file, path: ownPath, values, base: shared } };
    }
  }
  if (!files.read(project.file)) return { unfixable: `${task.id} has no project.json or package.json to hold its ${field}` };
  if (what.includes('inferred by plugin')) {
    const inferred = ctx.inferredField?.(task.project, task.target, field);
    if (!inferred) return { unfixable: `${field} of ${task.id} is inferred by a plugin, and Nx did not say what it infers (nx show project ${task.project} --json), so an edit would drop them` };
    return { edit: { file: project.file, path: ownPath, values, base: inferred } };
  }
  // Not set anywhere: Nx's defaults apply, and an explicit list replaces them.
  return { edit: { file: project.file, path: ownPath, values, base: field === 'inputs' ? NX_DEFAULT_INPUTS : [] } };
}
