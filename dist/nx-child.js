import { createRequire as __ioTraceCreateRequire } from 'node:module';
const require = __ioTraceCreateRequire(import.meta.url);

// src/plan/nx-child.ts
import { existsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// src/plan/nx-child-protocol.ts
var NX_CHILD_REQUEST_ENV = "IO_TRACE_NX_REQUEST";

// src/plan/nx-child.ts
var Done = class {
  constructor(result) {
    this.result = result;
  }
  result;
};
async function plan(req) {
  const load = createRequire(path.join(req.workspaceRoot, "package.json"));
  const base = existsSync(path.join(req.nxDir, "dist", "src")) ? path.join(req.nxDir, "dist") : req.nxDir;
  const nx = (p) => load(path.join(base, p));
  const optional = (p) => {
    try {
      return nx(p);
    } catch (e) {
      if (e.code === "MODULE_NOT_FOUND") return void 0;
      throw e;
    }
  };
  const userError = (message) => new Done({ userError: message });
  const depIds = (deps) => (deps ?? []).map((d) => typeof d === "string" ? d : d.id);
  const timings = {};
  let t = Date.now();
  const pg = nx("src/project-graph/project-graph");
  let projectGraph;
  let sourceMaps = {};
  if (pg.createProjectGraphAndSourceMapsAsync) {
    ({ projectGraph, sourceMaps } = await pg.createProjectGraphAndSourceMapsAsync({ exitOnError: false }));
  } else {
    projectGraph = await pg.createProjectGraphAsync({ exitOnError: false });
  }
  const nxJson = nx("src/config/nx-json").readNxJson(req.workspaceRoot) ?? {};
  timings.graphMs = Date.now() - t;
  t = Date.now();
  const nodes = projectGraph.nodes;
  const targetsOf = (p) => Object.keys(nodes[p]?.data?.targets ?? {});
  const allProjects = Object.keys(nodes).sort();
  const findMatching = (optional("src/utils/find-matching-projects") ?? {}).findMatchingProjects;
  const plainName = (p) => !/[*?[\]{}!/]|^tag:/.test(p);
  for (const p of req.projects) {
    if (plainName(p) && !nodes[p]) throw userError(`project "${p}" does not exist in this Nx workspace (projects: ${allProjects.join(", ")})`);
  }
  const match = (patterns, among) => findMatching ? findMatching(patterns, among) : patterns.filter((p) => among[p] !== void 0);
  const splitTarget = (optional("src/utils/split-target") ?? {}).splitTarget;
  const { createTaskGraph } = nx("src/tasks-runner/create-task-graph");
  const groups = [];
  for (const id of req.tasks) {
    const [p, tg, c] = splitTarget ? splitTarget(id, projectGraph) : id.split(":");
    if (!p || !nodes[p]) throw userError(`task "${id}": project "${p}" does not exist in this Nx workspace (projects: ${allProjects.join(", ")})`);
    if (!tg || !targetsOf(p).includes(tg)) throw userError(`task "${id}": project "${p}" has no target "${tg}" (its targets: ${targetsOf(p).join(", ")})`);
    const t0 = nodes[p].data.targets[tg];
    if (c && !t0.configurations?.[c]) {
      throw userError(`task "${id}": target "${p}:${tg}" has no configuration "${c}" (configurations: ${Object.keys(t0.configurations ?? {}).join(", ")})`);
    }
    groups.push({ projects: [p], targets: [tg], configuration: c || req.configuration });
  }
  if (req.targets.length && !req.tasks.length) {
    const selected = {};
    for (const p of req.projects.length ? match(req.projects, nodes) : allProjects) selected[p] = nodes[p];
    if (req.projects.length && Object.keys(selected).length === 0) {
      throw userError(`no project matches ${req.projects.map((p) => JSON.stringify(p)).join(", ")} (projects: ${allProjects.join(", ")})`);
    }
    for (const p of match(req.exclude, selected)) delete selected[p];
    const candidates = Object.keys(selected).sort();
    if (!req.targets.some((tg) => candidates.some((p) => targetsOf(p).includes(tg)))) {
      const known = [...new Set(allProjects.flatMap(targetsOf))].sort();
      const among = req.projects.length || req.exclude.length ? `among ${candidates.join(", ") || "(none left)"} ` : "";
      throw userError(`no project ${among}has a target ${req.targets.map((tg) => `"${tg}"`).join(" or ")} (targets in this workspace: ${known.join(", ")})`);
    }
    groups.push({ projects: candidates.filter((p) => req.targets.some((tg) => targetsOf(p).includes(tg))), targets: req.targets, configuration: req.configuration });
  }
  const tasks = {};
  const dependencies = {};
  for (const g of groups) {
    const tg = createTaskGraph(projectGraph, {}, g.projects, g.targets, g.configuration, {}, false);
    Object.assign(tasks, tg.tasks);
    for (const [id, deps] of Object.entries(tg.dependencies)) dependencies[id] = [.../* @__PURE__ */ new Set([...dependencies[id] ?? [], ...depIds(deps)])];
  }
  for (const id of Object.keys(tasks)) dependencies[id] ??= [];
  const taskGraph = { roots: Object.keys(tasks).filter((id) => dependencies[id].length === 0), tasks, dependencies, continuousDependencies: {} };
  timings.taskGraphMs = Date.now() - t;
  t = Date.now();
  const ids = Object.keys(tasks).sort();
  if (req.forceCli) return { fallback: "the CLI was asked for", ids };
  let inputs = null;
  let method = null;
  const hpi = optional("src/hasher/hash-plan-inspector");
  if (hpi?.HashPlanInspector) {
    const inspector = new hpi.HashPlanInspector(projectGraph, req.workspaceRoot, nxJson);
    await inspector.init();
    if (inspector.planner && typeof inspector.inspector?.inspectInputs === "function") {
      let ref;
      try {
        ref = inspector.planner.getPlansReference(ids, { ...taskGraph, dependencies: Object.fromEntries(ids.map((id) => [id, dependencies[id]])) });
      } catch {
        ref = inspector.planner.getPlansReference(ids, { ...taskGraph, dependencies: Object.fromEntries(ids.map((id) => [id, dependencies[id].map((d) => ({ id: d }))])) });
      }
      inputs = inspector.inspector.inspectInputs(ref);
      method = "HashPlanInspector";
    } else if (typeof inspector.inspectTaskInputs === "function") {
      inputs = {};
      for (const id of ids) inputs[id] = inspector.inspectTaskInputs(tasks[id].target)[id];
      method = "HashPlanInspector.inspectTaskInputs";
    }
  }
  const ctf = optional("src/hasher/check-task-files");
  if (!inputs && ctf?.getTaskRawInputs) {
    inputs = {};
    for (const id of ids) inputs[id] = await ctf.getTaskRawInputs(id, { projectGraph, nxJson });
    method = "check-task-files";
  }
  if (!inputs) return { fallback: "this nx has neither HashPlanInspector.inspectInputs nor check-task-files", ids };
  timings.inputsMs = Date.now() - t;
  t = Date.now();
  const hasher = optional("src/hasher/task-hasher");
  const result = [];
  for (const id of ids) {
    const tk = tasks[id];
    const p = tk.target.project;
    const node = nodes[p];
    let unresolved = [];
    if (ctf?.getTaskOutputs) {
      try {
        unresolved = (await ctf.getTaskOutputs(id, { projectGraph, nxJson })).unresolved ?? [];
      } catch {
      }
    }
    let depsOutputs = [];
    if (hasher?.getInputs) {
      try {
        depsOutputs = hasher.getInputs(tk, projectGraph, nxJson).depsOutputs ?? [];
      } catch {
        depsOutputs = [];
      }
    }
    const sm = sourceMaps[node.data.root] ?? {};
    const pick = (k) => sm[k] ?? null;
    const tname = tk.target.target;
    const td = node.data.targets?.[tname] ?? {};
    const opts = { ...td.options ?? {}, ...tk.target.configuration && td.configurations?.[tk.target.configuration] || {} };
    const cmds = td.executor === "nx:run-commands" || !td.executor ? [opts.command, ...Array.isArray(opts.commands) ? opts.commands : []].map((c) => c && typeof c === "object" ? c.command : c).filter((c) => typeof c === "string" && !c.includes("{")) : [];
    result.push({
      id,
      project: p,
      target: tname,
      configuration: tk.target.configuration || null,
      projectRoot: node.data.root === "." ? "" : node.data.root,
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
      namedInputs: { ...nxJson.namedInputs ?? {}, ...node.data.namedInputs ?? {} },
      sourceMap: {
        target: pick(`targets.${tname}`),
        inputs: pick(`targets.${tname}.inputs`),
        outputs: pick(`targets.${tname}.outputs`),
        dependsOn: pick(`targets.${tname}.dependsOn`)
      }
    });
  }
  timings.restMs = Date.now() - t;
  return {
    method,
    timings,
    tasks: result,
    nxJsonPlugins: (nxJson.plugins ?? []).map((pl) => typeof pl === "string" ? pl : pl.plugin),
    cacheableOperations: nxJson.tasksRunnerOptions?.default?.options?.cacheableOperations ?? null
  };
}
async function main() {
  const req = JSON.parse(process.env[NX_CHILD_REQUEST_ENV] ?? "{}");
  let result;
  try {
    result = await plan(req);
  } catch (e) {
    result = e instanceof Done ? e.result : { crash: String(e?.message ?? e), stack: String(e?.stack ?? "") };
  }
  writeFileSync(req.resultFile, JSON.stringify(result));
  process.exit(0);
}
void main();
