import { closeSync, openSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * Which processes are package managers. A package manager inside a task (`"build": "pnpm clean && tsup"`,
 * Nx's `pnpm --version` probe, tsdown's `pnpm pack`, `npx tsc`) reads every workspace `package.json`,
 * `.npmrc` and `pnpm-workspace.yaml` to find what to run: discovery, not the task's inputs. The programs
 * it starts are the task's again.
 *
 * A process is recognised by the program it really runs, not by the name it was called by: the exe, or
 * for Node the script after node's own options, resolved against the cwd and through symlinks
 * (`/usr/bin/npm` -> `.../npm/bin/npm-cli.js`, a corepack shim -> `corepack/dist/pnpm.js`,
 * `/usr/bin/env node .../pnpm.cjs` -> the node process running `pnpm.cjs`). A script called `pnpm` in
 * the workspace is not a package manager; `pnpm` found on PATH is one whatever path it was given as.
 */
export type PackageManager = 'npm' | 'npx' | 'pnpm' | 'pnpx' | 'yarn' | 'bun' | 'corepack' | 'nx';

/**
 * Build tools that are not package managers but do the same discovery when a task runs them again
 * (`"build": "nx build-package x"` in an nx:run-commands target): the nx CLI and its plugin workers read
 * every project.json, package.json, .gitignore and the lockfile to compute a project graph. Their I/O is
 * the orchestrator's, as for the outer nx; the processes they start for tasks (run-executor.js, the
 * commands) are the task's.
 */
export const DISCOVERING_ORCHESTRATORS: ReadonlySet<PackageManager> = new Set(['nx']);

/** Real path of a file (symlinks resolved), or undefined when it does not exist. */
export type PathResolver = (p: string) => string | undefined;

export const realPath: PathResolver = (p) => {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
};

/** Entry scripts of package managers run by Node, as installed by npm, corepack or a release file. */
const NODE_SCRIPTS: [RegExp, PackageManager][] = [
  // npm's own bin scripts; corepack's cache keeps them under npm/<version>/.
  [/\/npm(\/[^/]+)?\/bin\/npm-cli\.js$/, 'npm'],
  [/\/npm(\/[^/]+)?\/bin\/npx-cli\.js$/, 'npx'],
  // pnpm from npm (bin/pnpm.cjs, dist/pnpm.cjs), from corepack's cache (pnpm/<version>/bin/pnpm.cjs).
  [/\/pnpm(\/[^/]+)?\/bin\/pnpm\.[cm]?js$/, 'pnpm'],
  [/\/pnpm(\/[^/]+)?\/dist\/pnpm\.[cm]?js$/, 'pnpm'],
  [/\/pnpm(\/[^/]+)?\/bin\/pnpx\.[cm]?js$/, 'pnpx'],
  // yarn 1 (bin/yarn.js, lib/cli.js), yarn >= 2 (a checked-in .yarn/releases/yarn-x.cjs, cli-dist, corepack's yarn/<version>/yarn.js).
  [/\/yarn(\/[^/]+)?\/bin\/yarn(pkg)?\.c?js$/, 'yarn'],
  [/\/yarn\/lib\/cli\.js$/, 'yarn'],
  [/\/yarn\/[^/]+\/yarn\.c?js$/, 'yarn'],
  [/\/\.yarn\/releases\/yarn-[^/]*\.c?js$/, 'yarn'],
  [/\/@yarnpkg\/cli-dist\/bin\/yarn\.js$/, 'yarn'],
  // The nx CLI (node_modules/.bin/nx -> nx/bin/nx.js, nx/dist/bin/nx.js from 22.7), its project-graph plugin workers and its daemon.
  [/\/nx\/(dist\/)?bin\/nx\.[cm]?js$/, 'nx'],
  [/\/nx\/(dist\/)?src\/project-graph\/plugins\/isolation\/plugin-worker\.js$/, 'nx'],
  [/\/nx\/(dist\/)?src\/daemon\/server\/start\.js$/, 'nx'],
  // corepack and its shims: the shim loads the package manager into the same process.
  [/\/corepack\/dist\/corepack\.js$/, 'corepack'],
  [/\/corepack\/dist\/(npm|npx|pnpm|pnpx|yarn)\.js$/, 'corepack'],
  [/\/corepack\/dist\/yarnpkg\.js$/, 'corepack'],
];

/** Whether a file is an ELF executable (a shell script named `pnpm` is not the pnpm binary). */
export type BinaryCheck = (realPath: string) => boolean;

export const isElf: BinaryCheck = (p) => {
  let fd: number | undefined;
  try {
    fd = openSync(p, 'r');
    const b = Buffer.alloc(4);
    return readSync(fd, b, 0, 4, 0) === 4 && b.equals(ELF_MAGIC);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
};
const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);

/** Package managers shipped as native executables: @pnpm/exe (and pnpm's standalone install), bun. */
const BINARIES: [RegExp, PackageManager][] = [
  [/\/pnpm$/, 'pnpm'],
  [/\/bun$/, 'bun'],
];

/** Node options that take the next argument as their value (`node -r x script.js`). */
const NODE_OPTIONS_WITH_VALUE = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '--env-file', '--title', '--conditions', '-C', '--input-type', '--stack-size']);

/** Bun subcommands that run a package manager's job (everything else runs a file in the bun process). */
const BUN_MANAGER_COMMANDS = new Set(['install', 'i', 'add', 'a', 'remove', 'rm', 'update', 'link', 'unlink', 'pm', 'x', 'create', 'c', 'init', 'outdated', 'publish', 'pack', 'patch', 'why', 'audit', 'info']);

export interface ProgramFacts {
  /** The executable the kernel ran (the exec'd path as traced). */
  exe: string | null;
  argv: readonly string[] | null;
  /** The process's cwd at exec, for a script named by a relative path. */
  cwd: string | null;
}

/**
 * The package manager a process runs, or undefined. `resolve` gives real paths and `binary` says whether
 * a file is an executable (tests pass fakes).
 */
export function packageManagerOf(facts: ProgramFacts, resolve: PathResolver = realPath, binary: BinaryCheck = isElf): PackageManager | undefined {
  const { exe, argv } = facts;
  if (!exe) return undefined;
  const realExe = resolve(exe) ?? exe;
  if (isNode(realExe)) {
    const script = nodeScript(argv);
    if (script === undefined) return undefined;
    const abs = path.posix.isAbsolute(script) ? script : facts.cwd ? path.posix.join(facts.cwd, script) : undefined;
    if (abs === undefined) return undefined;
    const real = resolve(abs) ?? abs;
    for (const [re, pm] of NODE_SCRIPTS) if (re.test(real)) return pm;
    return undefined;
  }
  for (const [re, pm] of BINARIES) {
    if (!re.test(realExe) || !binary(realExe)) continue;
    // `bun build.js`, `bun run build.js`: bun is then the program that builds, not a manager.
    if (pm === 'bun' && !bunManages(argv)) return undefined;
    return pm;
  }
  return undefined;
}

function isNode(realExe: string): boolean {
  return /\/node(js)?(\d+)?$/.test(realExe);
}

/** The script node runs (first argument after node's options), or undefined for `node -e`, a REPL... */
export function nodeScript(argv: readonly string[] | null): string | undefined {
  if (!argv) return undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-e' || a === '--eval' || a === '-p' || a === '--print' || a === '-') return undefined;
    if (a === '--') return argv[i + 1];
    if (a.startsWith('-')) {
      if (NODE_OPTIONS_WITH_VALUE.has(a)) i++;
      continue;
    }
    return a;
  }
  return undefined;
}

function bunManages(argv: readonly string[] | null): boolean {
  if (!argv || argv.length === 0) return false;
  if (/(^|\/)bunx$/.test(argv[0])) return true;
  let i = 1;
  while (argv[i]?.startsWith('-')) {
    // `bun --version`, `bun --help` are probes; other flags precede a subcommand or a file.
    if (argv[i] === '--version' || argv[i] === '-v' || argv[i] === '--revision') return true;
    i++;
  }
  const cmd = argv[i];
  if (cmd === undefined) return false;
  if (BUN_MANAGER_COMMANDS.has(cmd)) return true;
  if (cmd === 'run') {
    // `bun run <script name>` looks the script up in package.json and spawns it; `bun run file.ts` runs the file itself.
    let j = i + 1;
    while (argv[j]?.startsWith('-')) j++;
    const target = argv[j];
    return target !== undefined && !target.includes('/') && !/\.[cm]?[jt]sx?$/.test(target);
  }
  return false;
}

/** Caches real paths for the life of one run (package managers run from a handful of paths). */
export function cachedResolver(resolve: PathResolver = realPath): PathResolver {
  const cache = new Map<string, string | undefined>();
  return (p) => {
    if (cache.has(p)) return cache.get(p);
    const r = resolve(p);
    cache.set(p, r);
    return r;
  };
}
