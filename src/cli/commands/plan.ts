import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toPlanFile } from '../../plan/file.js';
import { resolvePlan } from '../../plan/resolve.js';
import { oneOf, parse } from '../args.js';
import type { CommandContext } from './run.js';

export const PLAN_HELP = `Usage: io-trace plan [options] [-- <build command...>]

Resolves the plan (each task's declared inputs, outputs and dependencies, as the build tool hashes
them) and prints it, or writes it to a file.

Options:
  --plan FILE|auto|nx|turbo  where the tasks come from (default auto, as for io-trace run)
  --tasks T1,T2              tasks to plan when no build command says (e.g. build, app:build, app#build)
  --format seed|json         seed (default): the native plan file (version 1), loadable with --plan FILE;
                             json: the resolved plan with everything io-trace knows (identities, where
                             each field is declared, tool version)
  --out FILE                 write to FILE instead of stdout (workspaceRoot is written relative to it)
  --verbose                  debug logging

The build command, when given, is only read (nx run/run-many/affected, turbo run), never run.
`;

export async function planCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parse('plan', ctx.argv, {
    plan: { type: 'string' },
    tasks: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    ctx.stdout.write(PLAN_HELP);
    return 0;
  }
  const format = oneOf('--format', values.format, ['seed', 'json'] as const, 'seed');
  const plan = await resolvePlan({
    spec: values.plan ?? 'auto',
    cwd: ctx.cwd,
    command: positionals,
    tasks: values.tasks?.split(',').map((s) => s.trim()).filter(Boolean),
    log: ctx.log,
  });
  const out = values.out ? path.resolve(ctx.cwd, values.out) : undefined;
  // On stdout the file is usually saved in the working directory (`io-trace plan > plan.json`).
  const doc = format === 'seed' ? toPlanFile(plan, out ? path.dirname(out) : ctx.cwd) : plan;
  const text = JSON.stringify(doc, null, 2) + '\n';
  if (out) {
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, text);
    ctx.log.info(`wrote ${plan.tasks.length} task(s) to ${path.relative(ctx.cwd, out) || out}`);
  } else ctx.stdout.write(text);
  return 0;
}
