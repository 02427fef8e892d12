import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../core/errors.js';
import type { NonFileInput, Plan, PlanTask, SourceLocation } from './types.js';

/**
 * The native plan file (version 1), for builds that are neither Nx nor Turborepo:
 *
 *   { "version": 1, "workspaceRoot": ".",
 *     "tasks": [ { "id": "app:build", "target": {"project": "app", "target": "build"},
 *                  "projectRoot": "packages/app",
 *                  "inputs": ["packages/app/src/**", {"type": "file", "value": "tsconfig.json"}, "!**\/*.md"],
 *                  "outputs": ["packages/app/dist"], "dependencies": ["lib:build"] } ] }
 *
 * Patterns are relative to workspaceRoot (absolute, or relative to the plan file; default: the plan
 * file's directory). `{projectRoot}` and `{workspaceRoot}` tokens are expanded as Nx does.
 */

const INPUT_OBJECT_TYPES = new Set(['file', 'fileset', 'env', 'runtime', 'external', 'other']);

export function loadPlanFile(file: string): Plan {
  const abs = path.resolve(file);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigurationError(
      code === 'ENOENT' ? `plan file ${file} does not exist` : `plan file ${file} cannot be read: ${(e as Error).message}`,
    );
  }
  return parsePlan(text, abs);
}

/** Parse and validate plan text. `file` is the plan's absolute path (for messages and relative roots). */
export function parsePlan(text: string, file: string): Plan {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const offset = jsonErrorOffset(text);
    const where = offset !== undefined ? ` line ${lineAt(text, offset)}` : '';
    throw new ConfigurationError(`plan file ${file}${where}: not valid JSON (${msg})`);
  }
  // `where` is either ": ..." context or " line N: task "id"", which reads on into `what`.
  const fail = (where: string, what: string): never => {
    throw new ConfigurationError(`plan file ${file}${where}${where.includes(': task ') ? ' ' : ': '}${what}`);
  };
  if (!isObject(doc)) fail('', 'the top level must be an object with "version" and "tasks"');
  const top = doc as Record<string, unknown>;
  if (top.version !== 1) fail('', `"version" must be 1 (found ${JSON.stringify(top.version)})`);
  if (!Array.isArray(top.tasks)) fail('', '"tasks" must be an array of task objects');
  if (top.workspaceRoot !== undefined && typeof top.workspaceRoot !== 'string') {
    fail('', '"workspaceRoot" must be a string (absolute, or relative to the plan file)');
  }
  const rootGiven = path.resolve(path.dirname(file), (top.workspaceRoot as string | undefined) ?? '.');
  let workspaceRoot: string;
  try {
    if (!statSync(rootGiven).isDirectory()) throw new Error('not a directory');
    workspaceRoot = realpathSync(rootGiven);
  } catch {
    return fail('', `"workspaceRoot" ${rootGiven} is not a directory`);
  }
  const planRel = path.relative(workspaceRoot, file).split(path.sep).join('/');

  const tasks: PlanTask[] = [];
  const seen = new Set<string>();
  (top.tasks as unknown[]).forEach((raw, index) => {
    const idGuess = isObject(raw) && typeof raw.id === 'string' ? raw.id : undefined;
    const taskLine = idGuess !== undefined ? findLine(text, JSON.stringify(idGuess)) : undefined;
    const where = ` line ${taskLine ?? '?'}: task ${idGuess !== undefined ? JSON.stringify(idGuess) : `#${index + 1}`}`;
    if (!isObject(raw)) fail(` tasks[${index}]`, 'each task must be an object');
    const t = raw as Record<string, unknown>;
    if (typeof t.id !== 'string' || t.id === '') fail(where, 'has no "id" string');
    const id = t.id as string;
    if (seen.has(id)) fail(where, 'is listed twice; task ids must be unique');
    seen.add(id);
    const target = t.target;
    if (!isObject(target) || typeof target.project !== 'string' || typeof target.target !== 'string') {
      fail(where, 'needs "target": {"project": "...", "target": "..."}');
    }
    const tg = target as Record<string, unknown>;
    if (tg.configuration !== undefined && typeof tg.configuration !== 'string') {
      fail(where, '"target.configuration" must be a string');
    }
    const projectRoot = t.projectRoot === undefined ? '' : t.projectRoot;
    if (typeof projectRoot !== 'string') fail(where, '"projectRoot" must be a string (workspace-relative)');
    const expand = (p: string) => expandTokens(p, projectRoot as string);
    const inputs: string[] = [];
    const nonFileInputs: NonFileInput[] = [];
    if (t.inputs !== undefined && !Array.isArray(t.inputs)) fail(where, '"inputs" must be an array');
    ((t.inputs as unknown[] | undefined) ?? []).forEach((input, i) => {
      if (typeof input === 'string') {
        inputs.push(expand(input));
        return;
      }
      if (isObject(input) && typeof input.type === 'string' && typeof input.value === 'string') {
        if (!INPUT_OBJECT_TYPES.has(input.type)) {
          fail(where, `inputs[${i}] has unknown type ${JSON.stringify(input.type)} (use file, env, runtime or external)`);
        }
        if (input.type === 'file' || input.type === 'fileset') inputs.push(expand(input.value));
        else nonFileInputs.push({ type: input.type as NonFileInput['type'], value: input.value });
        return;
      }
      fail(where, `inputs[${i}] must be a pattern string or {"type": "file", "value": "pattern"}`);
    });
    if (!Array.isArray(t.outputs)) fail(where, 'has no "outputs" array');
    const outputs = (t.outputs as unknown[]).map((o, i) => {
      if (typeof o !== 'string') fail(where, `outputs[${i}] must be a pattern string`);
      return expand(o as string);
    });
    const deps = t.dependencies ?? [];
    if (!Array.isArray(deps) || deps.some((d) => typeof d !== 'string')) {
      fail(where, '"dependencies" must be an array of task ids');
    }
    const at = (key: string): SourceLocation => ({
      file: planRel,
      line: findLine(text, `"${key}"`, text.indexOf(JSON.stringify(id))) ?? taskLine,
      what: `tasks[${index}].${key}`,
    });
    tasks.push({
      id,
      project: tg.project as string,
      target: tg.target as string,
      ...(tg.configuration !== undefined ? { configuration: tg.configuration as string } : {}),
      projectRoot: (projectRoot as string).replace(/\/+$/, ''),
      inputs,
      ...(nonFileInputs.length ? { nonFileInputs } : {}),
      outputs,
      dependsOn: deps as string[],
      declaredAt: { inputs: at('inputs'), outputs: at('outputs'), dependsOn: at('dependencies') },
    });
  });
  for (const task of tasks) {
    for (const dep of task.dependsOn) {
      if (!seen.has(dep)) {
        fail(` line ${task.declaredAt?.dependsOn?.line ?? '?'}: task ${JSON.stringify(task.id)}`, `depends on unknown task ${JSON.stringify(dep)}`);
      }
    }
  }
  return { source: 'file', workspaceRoot, file, tasks };
}

export function expandTokens(pattern: string, projectRoot: string): string {
  const neg = pattern.startsWith('!') ? '!' : '';
  let p = neg ? pattern.slice(1) : pattern;
  p = p.replace(/^\{workspaceRoot\}\/?/, '').replace(/^\{projectRoot\}/, projectRoot);
  while (p.startsWith('/')) p = p.slice(1);
  return neg + p;
}

/**
 * Offset of the first JSON syntax error (Node 20's JSON.parse messages carry no position).
 * A strict recursive-descent scan; undefined if the text is valid.
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\n') fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail();
    i++;
  };
  try {
    value();
    ws();
    return i < text.length ? i : undefined;
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, text.length) : undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** 1-based line of the first occurrence of `needle` at or after `from`, or undefined. */
export function findLine(text: string, needle: string, from = 0): number | undefined {
  const i = text.indexOf(needle, Math.max(0, from));
  return i < 0 ? undefined : lineAt(text, i);
}

/** A plan task as the native plan file writes it. */
export interface PlanFileTask {
  id: string;
  target: { project: string; target: string; configuration?: string };
  projectRoot: string;
  inputs: (string | { type: string; value: string })[];
  outputs: string[];
  dependencies: string[];
}

export interface PlanFileDocument {
  version: 1;
  workspaceRoot: string;
  tasks: PlanFileTask[];
}

/**
 * Any resolved plan (nx, turbo, file) as a native plan file that loadPlanFile reads back to the same
 * tasks. `fileDir` is where the file will live: workspaceRoot is written relative to it. Identities
 * (NX_TASK_* / TURBO_HASH) are not part of the format: a plan file's tasks are told apart by
 * IO_TRACE_TASK, so the file suits builds run without nx/turbo, or as a reviewed seed.
 */
export function toPlanFile(plan: Plan, fileDir: string): PlanFileDocument {
  const root = path.relative(fileDir, plan.workspaceRoot).split(path.sep).join('/') || '.';
  return {
    version: 1,
    workspaceRoot: root,
    tasks: plan.tasks.map((t) => ({
      id: t.id,
      target: { project: t.project, target: t.target, ...(t.configuration !== undefined ? { configuration: t.configuration } : {}) },
      projectRoot: t.projectRoot,
      inputs: [...t.inputs, ...(t.nonFileInputs ?? []).map((n) => ({ type: n.type, value: n.value }))],
      outputs: [...t.outputs],
      dependencies: [...t.dependsOn],
    })),
  };
}
