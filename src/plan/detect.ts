/**
 * Which plan source fits a build: the command's own tool first (`nx ...` -> nx, `turbo ...` -> turbo,
 * also through `npm run <script>` / `pnpm <script>` / `yarn <script>` whose root package.json script
 * calls it), then the workspace's config file when only one of nx.json / turbo.json exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNxCommand } from './nx.js';
import { parseTurboCommand } from './turbo.js';

export type DetectedPlanSource = 'nx' | 'turbo';

/**
 * The argv of the root package.json script a package-manager command runs (`npm run build`,
 * `npm run build -- x`, `pnpm build`, `yarn run build`), split on whitespace; undefined otherwise.
 */
export function expandPackageScript(workspaceRoot: string, argv: readonly string[]): string[] | undefined {
  const [pm, ...rest] = argv;
  if (pm !== 'npm' && pm !== 'pnpm' && pm !== 'yarn' && pm !== 'bun') return undefined;
  let i = 0;
  while (rest[i]?.startsWith('-')) i++;
  if (rest[i] === 'run' || rest[i] === 'run-script') i++;
  else if (pm === 'npm') return undefined; // `npm <script>` is not a thing
  const name = rest[i];
  if (!name || name.startsWith('-')) return undefined;
  let scripts: Record<string, string> | undefined;
  try {
    scripts = (JSON.parse(readFileSync(join(workspaceRoot, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts;
  } catch {
    return undefined;
  }
  const script = scripts?.[name];
  if (typeof script !== 'string') return undefined;
  // Good enough for `nx run-many -t build` / `turbo run build --filter=x`; shell syntax is not interpreted.
  const extra = rest.slice(i + 1).filter((a) => a !== '--');
  return [...script.trim().split(/\s+/), ...extra];
}

export function detectPlanSource(workspaceRoot: string, argv: readonly string[]): DetectedPlanSource | undefined {
  const hasNx = existsSync(join(workspaceRoot, 'nx.json'));
  const hasTurbo = existsSync(join(workspaceRoot, 'turbo.json'));
  const fromArgv = (a: readonly string[]): DetectedPlanSource | undefined =>
    parseNxCommand(a) ? 'nx' : parseTurboCommand(a) ? 'turbo' : undefined;
  const direct = fromArgv(argv) ?? fromArgv(expandPackageScript(workspaceRoot, argv) ?? []);
  if (direct === 'nx' && hasNx) return 'nx';
  if (direct === 'turbo' && hasTurbo) return 'turbo';
  // An nx command in a workspace without nx.json still has a project graph (package.json workspaces).
  if (direct) return direct;
  if (hasNx && !hasTurbo) return 'nx';
  if (hasTurbo && !hasNx) return 'turbo';
  return undefined;
}
