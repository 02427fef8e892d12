/**
 * The Nx plan child: runs in its own Node process, in the workspace root, against the workspace's OWN
 * nx (io-trace does not depend on nx). Bundled as its own entry (dist/nx-child.js) and started by
 * src/plan/nx.ts with the request in IO_TRACE_NX_REQUEST; it writes one JSON result to the request's
 * resultFile and exits 0 (a user error, a crash and "use the CLI instead" are results too).
 *
 * It requires nx's internals by absolute path (bypassing the package's `exports`), builds the project
 * graph and the task graph once, selects projects with nx's own matcher (`findMatchingProjects`: globs,
 * directories, `tag:` and `!` patterns, as `nx run-many -p/--exclude` do), and asks the native hash
 * planner for every task's inputs in one batch (`HashPlanInspector`: sorted by kind from 22.6, as the
 * planner's lines on 21.2-22.5; `check-task-files` on 23.2+).
 * nx's modules are untyped here on purpose: the shapes below are the few fields read, checked at run
 * time where versions differ.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { NX_CHILD_REQUEST_ENV, type NxChildRequest, type NxChildResult, type NxChildTask } from './nx-child-protocol.js';
import { inputsFromHashPlan } from './nx-hash-plan.js';

/** nx's internals, loaded at run time: untyped on purpose (the few fields used are checked where versions differ). */
type Any = any;

interface TargetConfig {
  executor?: string;
  cache?: boolean;
  continuous?: boolean;
  inputs?: unknown[];
  options?: Record<string, unknown>;
  configurations?: Record<string, Record<string, unknown>>;
}
interface ProjectNode {
  name: string;
  data: { root: string; targets?: Record<string, TargetConfig>; tags?: string[]; namedInputs?: Record<string, unknown[]> };
}
interface NxTask {
  id: string;
  target: { project: string; target: string; configuration?: string };
  outputs?: string[];
  cache?: boolean;
  continuous?: boolean;
}

class Done {
  constructor(readonly result: NxChildResult) {}
}

async function plan(req: NxChildRequest): Promise<NxChildResult> {
  const load = createRequire(path.join(req.workspaceRoot, 'package.json'));
  const base = existsSync(path.join(req.nxDir, 'dist', 'src')) ? path.join(req.nxDir, 'dist') : req.nxDir;
  const nx = (p: string): Any => load(path.join(base, p));
  const optional = (p: string): Any => {
    try {
      return nx(p);
    } catch (e) {
      if ((e as { code?: string }).code === 'MODULE_NOT_FOUND') return undefined;
      throw e;
    }
  };
  const userError = (message: string) => new Done({ userError: message });
  const depIds = (deps: (string | { id: string })[] | undefined) => (deps ?? []).map((d) => (typeof d === 'string' ? d : d.id));

  const timings: Record<string, number> = {};
  let t = Date.now();
  const pg = nx('src/project-graph/project-graph');
  let projectGraph: { nodes: Record<string, ProjectNode> };
  let sourceMaps: Record<string, Record<string, [string, string]>> = {};
  if (pg.createProjectGraphAndSourceMapsAsync) {
    ({ projectGraph, sourceMaps } = await pg.createProjectGraphAndSourceMapsAsync({ exitOnError: false }));
  } else {
    projectGraph = await pg.createProjectGraphAsync({ exitOnError: false });
  }
  const nxJson = (nx('src/config/nx-json').readNxJson(req.workspaceRoot) ?? {}) as {
    plugins?: (string | { plugin: string })[];
    namedInputs?: Record<string, unknown[]>;
    tasksRunnerOptions?: { default?: { options?: { cacheableOperations?: string[] } } };
  };
  timings.graphMs = Date.now() - t;
  t = Date.now();

  const nodes = projectGraph.nodes;
  const targetsOf = (p: string) => Object.keys(nodes[p]?.data?.targets ?? {});
  const allProjects = Object.keys(nodes).sort();
  const findMatching = (optional('src/utils/find-matching-projects') ?? {}).findMatchingProjects as
    | ((patterns: string[], projects: Record<string, ProjectNode>) => string[])
    | undefined;
  // A plain name (no glob, directory, tag or negation) that names no project is a typo worth naming.
  const plainName = (p: string) => !/[*?[\]{}!/]|^tag:/.test(p);
  for (const p of req.projects) {
    if (plainName(p) && !nodes[p]) throw userError(`project "${p}" does not exist in this Nx workspace (projects: ${allProjects.join(', ')})`);
  }
  // nx's own matcher when present (as run-many uses it); exact names otherwise.
  const match = (patterns: string[], among: Record<string, ProjectNode>): string[] =>
    findMatching ? findMatching(patterns, among) : patterns.filter((p) => among[p] !== undefined);

  const splitTarget = (optional('src/utils/split-target') ?? {}).splitTarget as ((s: string, g: unknown) => string[]) | undefined;
  const { createTaskGraph } = nx('src/tasks-runner/create-task-graph');
  const groups: { projects: string[]; targets: string[]; configuration: string | undefined }[] = [];
  for (const id of req.tasks) {
    const [p, tg, c] = splitTarget ? splitTarget(id, projectGraph) : id.split(':');
    if (!p || !nodes[p]) throw userError(`task "${id}": project "${p}" does not exist in this Nx workspace (projects: ${allProjects.join(', ')})`);
    if (!tg || !targetsOf(p).includes(tg)) throw userError(`task "${id}": project "${p}" has no target "${tg}" (its targets: ${targetsOf(p).join(', ')})`);
    const t0 = nodes[p].data.targets![tg];
    if (c && !t0.configurations?.[c]) {
      throw userError(`task "${id}": target "${p}:${tg}" has no configuration "${c}" (configurations: ${Object.keys(t0.configurations ?? {}).join(', ')})`);
    }
    groups.push({ projects: [p], targets: [tg], configuration: c || req.configuration });
  }
  if (req.targets.length && !req.tasks.length) {
    // As `nx run-many` selects: the -p patterns (or every project), less the --exclude patterns.
    const selected: Record<string, ProjectNode> = {};
    for (const p of req.projects.length ? match(req.projects, nodes) : allProjects) selected[p] = nodes[p];
    if (req.projects.length && Object.keys(selected).length === 0) {
      throw userError(`no project matches ${req.projects.map((p) => JSON.stringify(p)).join(', ')} (projects: ${allProjects.join(', ')})`);
    }
    for (const p of match(req.exclude, selected)) delete selected[p];
    const candidates = Object.keys(selected).sort();
    // Like nx, a project without one of the targets just does not run it; none having any is an error.
    if (!req.targets.some((tg) => candidates.some((p) => targetsOf(p).includes(tg)))) {
      const known = [...new Set(allProjects.flatMap(targetsOf))].sort();
      const among = req.projects.length || req.exclude.length ? `among ${candidates.join(', ') || '(none left)'} ` : '';
      throw userError(`no project ${among}has a target ${req.targets.map((tg) => `"${tg}"`).join(' or ')} (targets in this workspace: ${known.join(', ')})`);
    }
    groups.push({ projects: candidates.filter((p) => req.targets.some((tg) => targetsOf(p).includes(tg))), targets: req.targets, configuration: req.configuration });
  }
  const tasks: Record<string, NxTask> = {};
  const dependencies: Record<string, string[]> = {};
  for (const g of groups) {
    const tg = createTaskGraph(projectGraph, {}, g.projects, g.targets, g.configuration, {}, false) as { tasks: Record<string, NxTask>; dependencies: Record<string, (string | { id: string })[]> };
    Object.assign(tasks, tg.tasks);
    for (const [id, deps] of Object.entries(tg.dependencies)) dependencies[id] = [...new Set([...(dependencies[id] ?? []), ...depIds(deps)])];
  }
  for (const id of Object.keys(tasks)) dependencies[id] ??= [];
  const taskGraph = { roots: Object.keys(tasks).filter((id) => dependencies[id].length === 0), tasks, dependencies, continuousDependencies: {} };
  timings.taskGraphMs = Date.now() - t;
  t = Date.now();

  const ids = Object.keys(tasks).sort();
  if (req.forceCli) return { fallback: 'the CLI was asked for', ids };
  let inputs: Record<string, NxChildTask['hashInputs']> | null = null;
  let method: string | null = null;
  const hpi = optional('src/hasher/hash-plan-inspector');
  if (hpi?.HashPlanInspector) {
    const inspector = new hpi.HashPlanInspector(projectGraph, req.workspaceRoot, nxJson);
    await inspector.init();
    // One batch for every task: the public inspectTaskInputs() builds a task graph per call.
    const plansReference = (): unknown => {
      // Nx 22 wants string dependency lists; Nx 24 accepts both (createTaskGraph gives {id} objects there).
      try {
        return inspector.planner.getPlansReference(ids, { ...taskGraph, dependencies: Object.fromEntries(ids.map((id) => [id, dependencies[id]])) });
      } catch {
        return inspector.planner.getPlansReference(ids, { ...taskGraph, dependencies: Object.fromEntries(ids.map((id) => [id, dependencies[id].map((d) => ({ id: d }))])) });
      }
    };
    if (inspector.planner && typeof inspector.inspector?.inspectInputs === 'function') {
      inputs = inspector.inspector.inspectInputs(plansReference());
      method = 'HashPlanInspector';
    } else if (typeof inspector.inspectTaskInputs === 'function') {
      inputs = {};
      for (const id of ids) inputs[id] = inspector.inspectTaskInputs(tasks[id].target)[id];
      method = 'HashPlanInspector.inspectTaskInputs';
    } else if (inspector.planner && typeof inspector.inspector?.inspect === 'function') {
      // Nx 21.2-22.5: the same plan, as the planner's lines (nx-hash-plan.ts sorts them).
      const plans = inspector.inspector.inspect(plansReference()) as Record<string, string[]>;
      inputs = {};
      for (const id of ids) inputs[id] = plans[id] ? inputsFromHashPlan(plans[id]) : null;
      method = 'HashPlanInspector.inspect';
    }
  }
  const ctf = optional('src/hasher/check-task-files');
  if (!inputs && ctf?.getTaskRawInputs) {
    inputs = {};
    for (const id of ids) inputs[id] = await ctf.getTaskRawInputs(id, { projectGraph, nxJson });
    method = 'check-task-files';
  }
  if (!inputs) return { fallback: 'this nx has neither HashPlanInspector.inspectInputs nor check-task-files', ids };
  timings.inputsMs = Date.now() - t;
  t = Date.now();

  const hasher = optional('src/hasher/task-hasher');
  const result: NxChildTask[] = [];
  for (const id of ids) {
    const tk = tasks[id];
    const p = tk.target.project;
    const node = nodes[p];
    let unresolved: string[] = [];
    if (ctf?.getTaskOutputs) {
      try {
        unresolved = (await ctf.getTaskOutputs(id, { projectGraph, nxJson })).unresolved ?? [];
      } catch {
        /* older shapes */
      }
    }
    let depsOutputs: NxChildTask['depsOutputs'] = [];
    if (hasher?.getInputs) {
      try {
        depsOutputs = hasher.getInputs(tk, projectGraph, nxJson).depsOutputs ?? [];
      } catch {
        depsOutputs = [];
      }
    }
    const sm = sourceMaps[node.data.root] ?? {};
    const pick = (k: string) => sm[k] ?? null;
    const tname = tk.target.target;
    // run-commands: the shell commands nx will start (sh -c), for attribution when env is unreadable.
    const td = node.data.targets?.[tname] ?? {};
    const opts: Record<string, unknown> = { ...(td.options ?? {}), ...((tk.target.configuration && td.configurations?.[tk.target.configuration]) || {}) };
    const cmds =
      td.executor === 'nx:run-commands' || !td.executor
        ? [opts.command, ...(Array.isArray(opts.commands) ? opts.commands : [])]
            .map((c) => (c && typeof c === 'object' ? (c as { command?: unknown }).command : c))
            .filter((c): c is string => typeof c === 'string' && !c.includes('{'))
        : [];
    result.push({
      id,
      project: p,
      target: tname,
      configuration: tk.target.configuration || null,
      projectRoot: node.data.root === '.' ? '' : node.data.root,
      executor: td.executor || null,
      hashInputs: inputs[id] || null,
      outputs: tk.outputs ?? [],
      unresolvedOutputs: unresolved,
      depsOutputs,
      dependsOn: dependencies[id],
      commands: cmds,
      cache: tk.cache ?? td.cache ?? null,
      continuous: !!(tk.continuous || td.continuous),
      declaredInputs: td.inputs ?? null,
      namedInputs: { ...(nxJson.namedInputs ?? {}), ...(node.data.namedInputs ?? {}) },
      sourceMap: {
        target: pick(`targets.${tname}`),
        inputs: pick(`targets.${tname}.inputs`),
        outputs: pick(`targets.${tname}.outputs`),
        dependsOn: pick(`targets.${tname}.dependsOn`),
      },
    });
  }
  timings.restMs = Date.now() - t;
  return {
    method: method!,
    timings,
    tasks: result,
    nxJsonPlugins: (nxJson.plugins ?? []).map((pl) => (typeof pl === 'string' ? pl : pl.plugin)),
    cacheableOperations: nxJson.tasksRunnerOptions?.default?.options?.cacheableOperations ?? null,
  };
}

async function main(): Promise<void> {
  const req = JSON.parse(process.env[NX_CHILD_REQUEST_ENV] ?? '{}') as NxChildRequest;
  let result: NxChildResult;
  try {
    result = await plan(req);
  } catch (e) {
    result = e instanceof Done ? e.result : { crash: String((e as Error)?.message ?? e), stack: String((e as Error)?.stack ?? '') };
  }
  writeFileSync(req.resultFile, JSON.stringify(result));
  // nx may leave handles open (plugin workers, file watchers): the result is written, stop here.
  process.exit(0);
}

// This module is an entry (dist/nx-child.js), never imported: nx.ts shares only nx-child-protocol.ts with it.
void main();
