import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Fix } from '../core/findings.js';
import { jsonChild, jsonKeyLine, parseJsonWithLines, type JsonNode } from '../plan/json-locate.js';
import type { Plan, PlanTask, SourceLocation } from '../plan/types.js';
import { compilePatterns } from '../plan/patterns.js';
import { locationKey } from './coverage.js';
import { toolCacheWhat, type ToolCache } from './path-classes.js';
import { nxInputPatterns } from './unused-inputs.js';

/**
 * Fix suggestions in the build tool's own syntax: the native plan takes workspace-relative globs, Nx
 * takes `{projectRoot}`/`{workspaceRoot}` tokens and "project:target" dependencies, Turborepo takes
 * package-relative globs, `$TURBO_ROOT$/` for files outside the package, and "package#task".
 */

/** How a workspace-relative path is written in a task's inputs/outputs. */
export function toolPattern(source: Plan['source'], task: PlanTask, rel: string): string {
  const root = task.projectRoot;
  const inProject = root === '' || rel === root || rel.startsWith(root + '/');
  switch (source) {
    case 'nx':
      if (root !== '' && inProject) return `{projectRoot}${rel === root ? '' : '/' + rel.slice(root.length + 1)}`;
      return `{workspaceRoot}/${rel}`;
    case 'turbo':
      if (inProject) return root === '' ? rel : rel === root ? '.' : rel.slice(root.length + 1);
      return `$TURBO_ROOT$/${rel}`;
    default:
      return rel;
  }
}

/**
 * How `task` names `dependency` in its dependsOn: the target alone within one project; across projects
 * Nx's object form `{projects, target}` from Nx's own project schema (the "project:target" string form
 * is not in that schema) and Turborepo's "package#task".
 */
export function toolTaskRef(source: Plan['source'], task: PlanTask, dependency: PlanTask): string {
  if (source === 'file') return dependency.id;
  if (dependency.project === task.project) return dependency.target;
  if (source === 'nx') return JSON.stringify({ projects: [dependency.project], target: dependency.target });
  return `${dependency.project}#${dependency.target}`;
}

const FIELD_NAME: Record<Plan['source'], Record<'inputs' | 'outputs' | 'dependsOn', string>> = {
  file: { inputs: 'inputs', outputs: 'outputs', dependsOn: 'dependencies' },
  nx: { inputs: 'inputs', outputs: 'outputs', dependsOn: 'dependsOn' },
  turbo: { inputs: 'inputs', outputs: 'outputs', dependsOn: 'dependsOn' },
};

function where(loc: SourceLocation | undefined): string {
  if (!loc) return '';
  return ` (${loc.file}${loc.line ? `:${loc.line}` : ''})`;
}

export function addToFieldFix(
  source: Plan['source'],
  task: PlanTask,
  field: 'inputs' | 'outputs' | 'dependsOn',
  values: string[],
): Fix {
  const loc = task.declaredAt?.[field];
  const name = FIELD_NAME[source][field];
  // Object entries (Nx dependsOn) are already JSON; strings are quoted.
  const list = values.map((v) => (v.startsWith('{"') ? v : JSON.stringify(v))).join(', ');
  let summary = `add ${list} to "${name}" of ${task.id}${where(loc)}`;
  if (source === 'turbo' && field === 'inputs' && loc?.what?.includes('not set')) {
    // The list is created: an explicit inputs list replaces Turborepo's default (all git-tracked files in
    // the package). A list that exists already left the default out (or holds "$TURBO_DEFAULT$").
    summary += '; start the new list with "$TURBO_DEFAULT$": explicit inputs replace the default';
  }
  return { summary, field, add: values, ...(loc ? { file: loc.file, ...(loc.line ? { line: loc.line } : {}) } : {}) };
}

/** "a#build" or "15 tasks: a#build, b#build, c#build, ..." */
function taskList(tasks: readonly PlanTask[]): string {
  if (tasks.length === 1) return tasks[0].id;
  return `${tasks.length} tasks: ${tasks.slice(0, 3).map((t) => t.id).join(', ')}${tasks.length > 3 ? ', ...' : ''}`;
}

const at = (loc: SourceLocation | undefined): Pick<Fix, 'file' | 'line'> => (loc ? { file: loc.file, ...(loc.line ? { line: loc.line } : {}) } : {});
// Object entries (Nx dependsOn `{"projects": ...}`) are already JSON; `{projectRoot}/x` is a string.
const q = (v: string) => (v.startsWith('{"') ? v : JSON.stringify(v));
const list = (vs: readonly string[]) => `[${vs.map(q).join(', ')}]`;

/**
 * Fixes that follow each tool's merge rules and land where one edit fixes the cause:
 * - Nx: an `inputs`/`outputs` array replaces the defaults (`default`, `^default`), a plugin's inferred
 *   list and `targetDefaults`' list, so a fix that creates or overrides one writes the whole list.
 *   A path one project needs goes into that project's config, not into a shared `targetDefaults`.
 * - Turborepo: a package turbo.json's list replaces the root's; explicit `inputs` replace the default
 *   (`$TURBO_DEFAULT$`); files every task reads belong in `globalDependencies`.
 */
export class FixWriter {
  private readonly shared: Map<string, string[]>;
  private readonly json = new Map<string, JsonNode | undefined>();

  constructor(
    private readonly plan: Plan,
    sharedByField: Record<'inputs' | 'outputs' | 'dependsOn', Map<string, string[]>>,
  ) {
    this.shared = new Map();
    for (const [field, m] of Object.entries(sharedByField)) for (const [k, v] of m) this.shared.set(`${field}|${k}`, v);
  }

  private config(file: string): JsonNode | undefined {
    if (!this.json.has(file)) {
      let node: JsonNode | undefined;
      try {
        node = parseJsonWithLines(readFileSync(path.join(this.plan.workspaceRoot, file), 'utf8'));
      } catch {
        node = undefined;
      }
      this.json.set(file, node);
    }
    return this.json.get(file);
  }

  /** The project's own config file (Nx project.json, else package.json; turbo: the package's turbo.json). */
  private projectConfig(task: PlanTask): string {
    const dir = task.projectRoot;
    const rel = (f: string) => (dir ? `${dir}/${f}` : f);
    if (this.plan.source === 'turbo') return rel('turbo.json');
    if (existsSync(path.join(this.plan.workspaceRoot, rel('project.json')))) return rel('project.json');
    // A project inferred from other files only: its package.json, else a project.json to create.
    return existsSync(path.join(this.plan.workspaceRoot, rel('package.json'))) ? rel('package.json') : rel('project.json');
  }

  /** The existing declared list of a field, in the tool's syntax (what an override must keep). */
  private existing(task: PlanTask, field: 'inputs' | 'outputs'): string[] {
    if (field === 'outputs') return task.outputs.map((o) => (o.startsWith('!') ? '!' + toolPattern(this.plan.source, task, o.slice(1)) : toolPattern(this.plan.source, task, o)));
    // Object entries (`{"externalDependencies": [...]}`, `{"dependentTasksOutputFiles": ...}`) are kept as JSON.
    const decl = (task.declaredInputs ?? []).map((e) => (typeof e === 'string' ? e : JSON.stringify(e)));
    if (this.plan.source === 'nx') return task.declaredInputs ? decl : task.namedInputs?.default ? ['default', '^default'] : ['{projectRoot}/**/*'];
    if (this.plan.source === 'turbo') {
      // No list, or an empty one: turbo's default inputs, which a new list must keep.
      if (!task.declaredInputs?.length) return ['$TURBO_DEFAULT$'];
      // turbo's resolved definition writes `$TURBO_ROOT$/x` as `../../x`: give it back the way users write it.
      return decl.map((e) => {
        const neg = e.startsWith('!') ? '!' : '';
        const body = neg ? e.slice(1) : e;
        if (!body.startsWith('../')) return e;
        return neg + toolPattern('turbo', task, path.posix.normalize(path.posix.join(task.projectRoot || '.', body)));
      });
    }
    return task.inputs;
  }

  /**
   * Nx: the negations among a task's inputs (named inputs expanded, as unused_input reads them) that
   * match one of `files` (workspace-relative). Nx drops every file a negation matches, wherever the
   * negation stands in the list and whatever positive pattern names the file (checked on Nx 22.6 with
   * TanStack/form: `{projectRoot}/README.md` added beside `production`, whose `default` has
   * `!{projectRoot}/**\/*.md`, left the README out of `nx show target inputs`).
   */
  private nxNegations(task: PlanTask, files: readonly string[]): { pattern: string; namedInput?: string }[] {
    return nxInputPatterns(task)
      .filter((p) => {
        if (!p.rel.startsWith('!')) return false;
        const excluded = compilePatterns([p.rel.slice(1)]);
        return files.some((f) => excluded.covers(f));
      })
      .map((p) => ({ pattern: p.declared, ...(p.via ? { namedInput: p.via } : {}) }));
  }

  /** The fix for files an Nx negation leaves out: adding them does nothing, the negation must narrow. */
  private narrowNegation(task: PlanTask, tasks: readonly PlanTask[], files: readonly string[], neg: { pattern: string; namedInput?: string }): Fix {
    let file: string | undefined;
    let line: number | undefined;
    if (neg.namedInput) {
      for (const f of [this.projectConfig(task), 'nx.json']) {
        const node = this.config(f);
        const keyPath = f.endsWith('package.json') ? ['nx', 'namedInputs', neg.namedInput] : ['namedInputs', neg.namedInput];
        const hit = jsonKeyLine(node, keyPath);
        if (hit && hit.depth === keyPath.length) {
          file = f;
          // The negation's own line when the list spans lines, else the named input's.
          line = jsonChild(node, keyPath)?.items?.find((i) => i.kind === 'string' && i.value === neg.pattern)?.line ?? hit.line;
          break;
        }
      }
    } else if (task.declaredAt?.inputs) {
      file = task.declaredAt.inputs.file;
      line = task.declaredAt.inputs.line;
    }
    const what = files.length === 1 ? files[0] : `${files.length} files (e.g. ${files.slice(0, 2).join(', ')})`;
    const place = neg.namedInput ? ` of the named input ${q(neg.namedInput)}` : '';
    const at2 = file ? ` (${file}${line ? `:${line}` : ''})` : '';
    const others = tasks.length > 1 ? ` (read by ${taskList(tasks)})` : '';
    return {
      summary:
        `narrow the negation ${q(neg.pattern)}${place}${at2} so that it no longer matches ${what}${others}: ` +
        'Nx leaves out every file a negation matches, wherever it stands in the list, so adding the file to "inputs" would change nothing',
      field: 'inputs',
      manual: 'the narrower negation depends on which of the files it matches the tasks really ignore',
      ...(file ? { file } : {}),
      ...(line ? { line } : {}),
    };
  }

  /**
   * Add one value (a workspace-relative pattern, or with `raw` a tool value) to a field of the group's
   * tasks. `files`: the workspace-relative files the value is for, when known (an Nx negation may leave
   * them out whatever is added).
   */
  add(task: PlanTask, tasks: readonly PlanTask[], field: 'inputs' | 'outputs' | 'dependsOn', pattern: string, raw = false, files?: readonly string[]): Fix {
    const source = this.plan.source;
    if (source === 'nx' && field === 'inputs' && files?.length) {
      const negations = this.nxNegations(task, files);
      if (negations.length > 0) return this.narrowNegation(task, tasks, files, negations[0]);
    }
    const value = raw ? pattern : toolPattern(source, task, pattern);
    const loc = task.declaredAt?.[field];
    const name = FIELD_NAME[source][field];
    const others = tasks.length > 1 ? ` (one edit for ${taskList(tasks)})` : '';
    if (source === 'file' || field === 'dependsOn') {
      if (source === 'file' && tasks.length > 1) {
        return { summary: `add ${q(value)} to "${name}" of ${tasks.map((t) => t.id).join(', ')}`, field, add: [value], ...at(loc) };
      }
      return addToFieldFix(source, task, field, [value]);
    }
    const what = loc?.what ?? '';
    const sharing = this.shared.get(`${field}|${locationKey(loc)}`) ?? [task.id];
    const sharedPlace = sharing.length > tasks.length && tasks.length === 1;
    const notSet = what.includes('not set');
    const inferred = what.includes('inferred by plugin');
    if (source === 'nx' && (notSet || inferred || (sharedPlace && (what.startsWith('targetDefaults') || loc?.file === 'nx.json')))) {
      // The list Nx uses now must be kept: a project-level list replaces it.
      const set = [...this.existing(task, field), value];
      const file = this.projectConfig(task);
      const key = file.endsWith('package.json') ? `nx.targets.${task.target}.${name}` : `targets.${task.target}.${name}`;
      const line = jsonKeyLine(this.config(file), file.endsWith('package.json') ? ['nx', 'targets', task.target, name] : ['targets', task.target, name])?.line;
      const why = notSet
        ? 'it replaces the Nx defaults, so keep them'
        : inferred
          ? `it replaces the ${name} the plugin inferred, so keep them`
          : `${task.id} alone needs it, and a project's list replaces targetDefaults', so keep those`;
      return { summary: `set ${key} in ${file} to ${list(set)} (${why})`, field, add: [value], set, file, ...(line ? { line } : {}) };
    }
    if (source === 'turbo' && sharedPlace && loc?.file === 'turbo.json') {
      const set = [...this.existing(task, field), value];
      const file = this.projectConfig(task);
      return {
        summary: `in ${file} (with "extends": ["//"]) set "${name}" of "${task.target}" to ${list(set)}: only ${task.id} needs it, and a package's list replaces the root's`,
        field,
        add: [value],
        set,
        file,
      };
    }
    if (source === 'turbo' && field === 'inputs' && notSet) {
      // Several findings may each add to the one list this creates: say what to add, and how the list starts.
      const set = ['$TURBO_DEFAULT$', value];
      return {
        summary: `add ${q(value)} to "inputs" of ${tasks.length > 1 ? `"${task.target}" (${taskList(tasks)})` : task.id}${where(loc)}; the entry has no inputs list yet: start it with "$TURBO_DEFAULT$" (explicit inputs replace the default, all files of the package)`,
        field,
        add: [value],
        set,
        ...at(loc),
      };
    }
    const f = addToFieldFix(source, task, field, [value]);
    return { ...f, summary: f.summary + others };
  }

  /**
   * Nx: dependencies' package.json files the tasks' inputs miss. A named input (`sharedGlobals`) would
   * change nothing for inputs that do not include it (plugin-inferred or explicit lists): the dependency
   * input `^{projectRoot}/package.json` in each target's inputs covers every dependency, present and future.
   */
  dependencyManifests(tasks: readonly PlanTask[]): Fix {
    const value = '^{projectRoot}/package.json';
    const byPlace = new Map<string, PlanTask[]>();
    for (const t of tasks) {
      const k = locationKey(t.declaredAt?.inputs) ?? `task:${t.id}`;
      const list = byPlace.get(k);
      if (list) list.push(t);
      else byPlace.set(k, [t]);
    }
    const places = [...byPlace.values()];
    const first = this.add(places[0][0], places[0], 'inputs', value, true);
    if (places.length === 1) return first;
    const { set: _one, ...rest } = first; // each place keeps its own list
    return { ...rest, summary: `add ${q(value)} to the inputs of ${taskList(tasks)} (declared in ${places.length} places; keep their other inputs), e.g. ${first.summary}` };
  }

  /** A root file read by tasks declared in different places: one workspace-wide input. */
  global(tasks: readonly PlanTask[], rel: string): Fix {
    const source = this.plan.source;
    const names = taskList(tasks);
    if (source === 'nx') {
      const value = `{workspaceRoot}/${rel}`;
      const nx = this.config('nx.json');
      const sg = jsonKeyLine(nx, ['namedInputs', 'sharedGlobals'])?.line;
      if (sg) {
        return {
          summary: `add ${q(value)} to namedInputs.sharedGlobals in nx.json (read by ${names}); tasks whose inputs do not include "default" (or a named input built on sharedGlobals) need it in their own inputs`,
          field: 'inputs',
          add: [value],
          to: { file: 'nx.json', path: ['namedInputs', 'sharedGlobals'] },
          file: 'nx.json',
          line: sg,
        };
      }
      const ni = jsonKeyLine(nx, ['namedInputs'])?.line;
      return {
        summary: `add a named input "sharedGlobals": [${q(value)}] to namedInputs in nx.json and include "sharedGlobals" in "default" (read by ${names})`,
        field: 'inputs',
        add: [value],
        manual: 'a new named input must also be referenced from "default" (or each task\'s inputs): edit nx.json by hand',
        file: 'nx.json',
        ...(ni ? { line: ni } : {}),
      };
    }
    if (source === 'turbo') {
      const gd = jsonKeyLine(this.config('turbo.json'), ['globalDependencies'])?.line;
      return {
        summary: `add ${q(rel)} to "globalDependencies" in turbo.json (read by ${names})`,
        field: 'inputs',
        add: [rel],
        to: { file: 'turbo.json', path: ['globalDependencies'] },
        file: 'turbo.json',
        ...(gd ? { line: gd } : {}),
      };
    }
    // A plan file has no global list: every task's own inputs (all named, each needs the edit).
    return { summary: `add ${q(rel)} to "inputs" of ${tasks.map((t) => t.id).join(', ')}`, field: 'inputs', add: [rel], ...at(tasks[0].declaredAt?.inputs) };
  }

  /** Arguable reads: nothing is required; say how to make them count, or how to silence them. */
  arguable(tasks: readonly PlanTask[], pattern: string): Fix {
    const names = tasks.length > 3 ? `${tasks.length} tasks` : tasks.map((t) => t.id).join(', ');
    return {
      summary: `optional: add it to the inputs of ${names} if a change to it should rebuild them; else ignore these reads with "exclude-reads": [${JSON.stringify(pattern)}] in io-trace.config.json`,
      field: 'ignore',
      add: [pattern],
    };
  }

  toolCache(task: PlanTask, pattern: string, cache: ToolCache): Fix {
    const value = toolPattern(this.plan.source, task, pattern);
    const loc = task.declaredAt?.outputs;
    if (cache.affectsOutputs && cache.optional) {
      return { summary: `do not add ${q(value)} to inputs; nothing to change for correctness, optionally add it to "outputs" of ${task.id}${where(loc)} so the build after a cache hit stays incremental (${cache.tool})`, field: 'outputs', add: [value], ...at(loc) };
    }
    if (cache.affectsOutputs) {
      return { summary: `do not add ${q(value)} to inputs; add it to "outputs" of ${task.id}${where(loc)} (${cache.tool})`, field: 'outputs', add: [value], ...at(loc) };
    }
    return { summary: `nothing to change for correctness: keep ${q(value)} (${toolCacheWhat(cache)}) out of inputs`, field: 'ignore', ...at(loc) };
  }

  /** Make the finding go away: the file leaves the inputs (and is declared as output when it is one). */
  inputMutation(task: PlanTask, rel: string, alsoOutput: boolean): Fix {
    const source = this.plan.source;
    const value = toolPattern(source, task, rel);
    const loc = task.declaredAt?.inputs;
    if (source === 'file') {
      return alsoOutput
        ? { summary: `remove ${q(rel)} from "inputs" of ${task.id}${where(loc)}, or stop writing it`, field: 'inputs', ...at(loc) }
        : { summary: `stop writing ${rel} in ${task.id}, or move it from its "inputs" to its "outputs"${where(loc)}`, field: 'outputs', add: [rel], ...at(loc) };
    }
    const neg = `!${value}`;
    const defaults = source === 'turbo' && !task.declaredInputs?.length ? ' (explicit inputs replace the default: keep "$TURBO_DEFAULT$" first)' : '';
    if (alsoOutput) return { summary: `add ${q(neg)} to "inputs" of ${task.id}${where(loc)}${defaults}, or stop writing it`, field: 'inputs', add: [neg], ...at(loc) };
    return {
      summary: `stop writing ${rel} in ${task.id}, or add ${q(value)} to its "outputs"${where(task.declaredAt?.outputs)} and ${q(neg)} to its "inputs"${where(loc)}${defaults}`,
      field: 'outputs',
      add: [value],
      also: [{ field: 'inputs', add: [neg] }],
      ...at(task.declaredAt?.outputs ?? loc),
    };
  }

  overlap(task: PlanTask, other: string): Fix {
    return {
      summary: `give ${task.id} and ${other} separate output paths, or make one depend on the other and drop the file from one task's outputs`,
      field: 'outputs',
      ...at(task.declaredAt?.outputs),
    };
  }

  missingOutput(task: PlanTask, declared: string): Fix {
    const shown = declared.startsWith('!') ? declared : toolPattern(this.plan.source, task, declared);
    return { summary: `correct or remove output ${JSON.stringify(shown)} of ${task.id}`, field: 'outputs', ...at(task.declaredAt?.outputs) };
  }

  unused(task: PlanTask, declared: string, via: string | undefined): Fix {
    if (via && this.plan.source === 'nx') {
      const line = jsonKeyLine(this.config('nx.json'), ['namedInputs', via])?.line;
      return { summary: `narrow or remove ${q(declared)} in the named input "${via}", or leave it if a change to it should rebuild these tasks`, field: 'inputs', ...(line ? { file: 'nx.json', line } : {}) };
    }
    const loc = task.declaredAt?.inputs;
    return { summary: `narrow or remove ${q(declared)} in "inputs" of ${task.id}${where(loc)}, or leave it if a change to it should rebuild the task`, field: 'inputs', ...at(loc) };
  }
}

