import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { loadPlanFile } from './file.js';
import type { Plan } from './types.js';

export const DEFAULT_PLAN_FILE = 'io-trace.plan.json';

export interface ResolvePlanOptions {
  /** auto | nx | turbo | a plan file path. */
  spec: string;
  cwd: string;
  /** The traced build command (tells nx/turbo which tasks run). */
  command: string[];
  /** Tasks to plan when the command does not say. */
  tasks?: string[];
  log: Logger;
}

/** Turn `--plan` into a resolved Plan. */
export async function resolvePlan(options: ResolvePlanOptions): Promise<Plan> {
  const { spec, cwd } = options;
  if (spec !== 'auto' && spec !== 'nx' && spec !== 'turbo') return loadPlanFile(path.resolve(cwd, spec));
  if (spec === 'auto') {
    const file = path.join(cwd, DEFAULT_PLAN_FILE);
    if (existsSync(file)) return loadPlanFile(file);
  }
  throw new ConfigurationError(
    `no plan found in ${cwd}: pass --plan FILE (a plan file, see README "Plan file"), or run in an Nx or Turborepo workspace`,
  );
}
