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
 * `npm run build -- x`, `pnpm build`, `yarn run build`, `/usr/local/bin/pnpm build`), split on
 * whitespace; undefined otherwise. When the script runs several commands (`pnpm clean && turbo run
 * build`), or sets variables first (`NODE_ENV=production nx run-many ...`), or runs another script
 * (`npm run build:all`), the command that runs nx or turbo is returned.
 */
export function expandPackageScript(workspaceRoot: string, argv: readonly string[], depth = 0): string[] | undefined {
  const [first, ...rest] = argv;
  const pm = first?.slice(first.lastIndexOf('/') + 1);
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
  // Good enough for `nx run-many -t build` / `turbo run build --filter=x`; quoting is not interpreted.
  const extra = rest.slice(i + 1).filter((a) => a !== '--');
  const commands = script
    .split(/&&|\|\||;|\|/)
    .map((c) => dropAssignments(c.trim().split(/\s+/).filter(Boolean)))
    .filter((c) => c.length > 0);
  for (let k = 0; k < commands.length; k++) {
    // Extra arguments reach the last command of the script.
    const cmd = k === commands.length - 1 ? [...commands[k], ...extra] : commands[k];
    if (parseNxCommand(cmd) || parseTurboCommand(cmd)) return cmd;
    const nested = depth < 3 ? expandPackageScript(workspaceRoot, cmd, depth + 1) : undefined;
    if (nested && (parseNxCommand(nested) || parseTurboCommand(nested))) return nested;
  }
  return [...script.trim().split(/\s+/), ...extra];
}

/** `A=1 B=2 cmd ...` and `env A=1 cmd ...` -> `cmd ...`. */
function dropAssignments(argv: string[]): string[] {
  let i = argv[0] === 'env' ? 1 : 0;
  while (argv[i] !== undefined && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i])) i++;
  return argv.slice(i);
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
