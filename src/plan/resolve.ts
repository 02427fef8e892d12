import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { detectPlanSource, expandPackageScript } from './detect.js';
import { loadPlanFile } from './file.js';
import { parseNxCommand, resolveNxPlan } from './nx.js';
import { parseTurboCommand, resolveTurboPlan, scriptLauncher } from './turbo.js';
import type { Plan } from './types.js';

export const DEFAULT_PLAN_FILE = 'io-trace.plan.json';

export interface ResolvePlanOptions {
  /** auto | nx | turbo | a plan file path. */
  spec: string;
  cwd: string;
  /** The traced build command (tells nx/turbo which tasks run). */
  command: string[];
  /** Tasks to plan when the command does not say (`build`, `app:build`, `app#build`). */
  tasks?: string[];
  log: Logger;
}

/**
 * Turn `--plan` into a resolved Plan: a plan file as given; `auto` takes io-trace.plan.json if
 * present, else the workspace's build tool (from the command, then nx.json / turbo.json).
 */
/**
 * Which kind of plan resolvePlan will make (cheap: no tool runs), or undefined when it will fail to find
 * one. The run starts the build's tracer on it while the plan resolves.
 */
export function planSourceOf(options: Pick<ResolvePlanOptions, 'spec' | 'cwd' | 'command'>): Plan['source'] | undefined {
  const { spec, cwd, command } = options;
  if (spec === 'nx' || spec === 'turbo') return spec;
  if (spec !== 'auto') return 'file';
  if (existsSync(path.join(cwd, DEFAULT_PLAN_FILE))) return 'file';
  return detectPlanSource(cwd, command);
}

export async function resolvePlan(options: ResolvePlanOptions): Promise<Plan> {
  const { spec, cwd, command, log } = options;
  if (spec !== 'auto' && spec !== 'nx' && spec !== 'turbo') return loadPlanFile(path.resolve(cwd, spec));
  let source: 'nx' | 'turbo' | undefined = spec === 'auto' ? undefined : spec;
  if (source === undefined) {
    const file = path.join(cwd, DEFAULT_PLAN_FILE);
    if (existsSync(file)) return loadPlanFile(file);
    source = detectPlanSource(cwd, command);
  }
  if (source === undefined) {
    throw new ConfigurationError(
      `no plan found in ${cwd}: pass --plan FILE (a plan file, see README "Plan file"), or run in an Nx or Turborepo workspace`,
    );
  }
  const argv = parseable(cwd, command);
  const t0 = Date.now();
  let plan: Plan;
  if (source === 'nx') {
    const nx = argv.map(parseNxCommand).find(Boolean);
    const tasks = nx ? undefined : requireTasks(options.tasks, 'nx', 'e.g. --tasks build or --tasks app:build');
    plan = await resolveNxPlan({
      workspaceRoot: cwd,
      log,
      ...(nx?.tasks ? { tasks: nx.tasks } : {}),
      ...(nx?.targets.length ? { targets: nx.targets } : {}),
      ...(nx?.projects ? { projects: nx.projects } : {}),
      ...(nx?.configuration ? { configuration: nx.configuration } : {}),
      ...(nx?.exclude ? { exclude: nx.exclude } : {}),
      ...(tasks ? (tasks.some((t) => t.includes(':')) ? { tasks } : { targets: tasks }) : {}),
    });
  } else {
    const at = argv.findIndex((a) => parseTurboCommand(a));
    const turbo = at >= 0 ? parseTurboCommand(argv[at]) : undefined;
    // The build's turbo runs under its launcher's variables (npx, pnpm exec, or the package manager that
    // runs the script): the dry run takes the same way, or a task whose `env` lists one gets another hash.
    const launcher = at === 0 ? turbo?.launcher : at > 0 && !turbo?.launcher ? scriptLauncher(command) : turbo?.launcher;
    const tasks = turbo?.tasks.length ? turbo.tasks : requireTasks(options.tasks, 'turbo', 'e.g. --tasks build');
    plan = await resolveTurboPlan({
      workspaceRoot: cwd,
      tasks,
      log,
      ...(turbo?.filter ? { filter: turbo.filter } : {}),
      ...(turbo?.passThroughArgs ? { passThroughArgs: turbo.passThroughArgs } : {}),
      ...(turbo?.runFlags ? { runFlags: turbo.runFlags } : {}),
      ...(launcher?.length ? { launcher } : {}),
    });
  }
  // The one plan line (nx.ts/turbo.ts say more at debug level).
  log.info(`plan: ${plan.tasks.length} ${source} task${plan.tasks.length === 1 ? '' : 's'}${plan.toolVersion ? ` (${source} ${plan.toolVersion})` : ''} resolved in ${Date.now() - t0} ms`);
  return plan;
}

/** The command as given, and the package script it runs (`npm run build` -> `nx run-many -t build`). */
function parseable(cwd: string, command: string[]): string[][] {
  const script = expandPackageScript(cwd, command);
  return script ? [command, script] : [command];
}

function requireTasks(tasks: string[] | undefined, tool: string, example: string): string[] {
  if (tasks && tasks.length) return tasks;
  throw new ConfigurationError(`cannot tell which ${tool} tasks the command runs: pass --tasks (${example})`);
}
