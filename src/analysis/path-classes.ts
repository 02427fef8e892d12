import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch';

/**
 * Paths that are real reads or writes but not ordinary inputs/outputs: tool caches (never advise putting
 * them into a hash) and arguable reads (visible, ranked below real bugs, with the reason).
 */

export interface ToolCache {
  tool: string;
  /** What the tool's documentation says to do with it, as one sentence. */
  advice: string;
  /** A stale or missing copy after a cache hit can make the tool skip work (warning), or only costs time (info). */
  affectsOutputs: boolean;
  /** A staging folder the tool copies from, rather than a cache. */
  intermediate?: boolean;
  /**
   * For a cache that `affectsOutputs` beside the outputs: what to say when the task wrote it outside
   * every declared output (compiler state; a cache hit without it only costs a full rebuild).
   */
  outsideOutputsAdvice?: string;
  /** Set on a finding's copy when that applies: the output fix is optional. */
  optional?: boolean;
}

/** "a TypeScript cache", "a SvelteKit staging folder". */
export function toolCacheWhat(c: ToolCache): string {
  return `${/^[AEIOU]/.test(c.tool) ? 'an' : 'a'} ${c.tool} ${c.intermediate ? 'staging folder' : 'cache'}`;
}

// First match wins: folder caches before file names (a *.tsbuildinfo inside .rollup.cache is rollup's).
const TOOL_CACHES: { glob: string; cache: ToolCache }[] = [
  {
    glob: '**/.eslintcache',
    cache: {
      tool: 'ESLint',
      advice:
        "ESLint's result cache (--cache), not an input: keep it out of inputs (it changes every run). ESLint re-checks cached entries " +
        'against file content and config, so a missing or stale copy only costs time; add it to outputs only to keep it between CI runs',
      affectsOutputs: false,
    },
  },
  { glob: '**/.stylelintcache', cache: { tool: 'Stylelint', advice: "Stylelint's result cache (--cache), not an input: keep it out of inputs; it is validated against content, so it only saves time", affectsOutputs: false } },
  { glob: '**/.prettiercache', cache: { tool: 'Prettier', advice: "Prettier's cache (--cache), not an input: keep it out of inputs; it only saves time", affectsOutputs: false } },
  {
    glob: '**/node_modules/.cache/**',
    cache: { tool: 'a bundler or transpiler (webpack, babel-loader, terser...)', advice: 'a persistent build cache under node_modules/.cache, not an input: keep it out of inputs; the tool validates it, so it only saves time', affectsOutputs: false },
  },
  { glob: '**/node_modules/.vite/**', cache: { tool: 'Vite', advice: "Vite's dependency pre-bundling cache, not an input: keep it out of inputs; Vite rebuilds it when the lockfile or config changes", affectsOutputs: false } },
  { glob: '**/.next/cache/**', cache: { tool: 'Next.js', advice: "Next.js's build cache (.next/cache), not an input: keep it out of inputs and out of outputs (Next.js docs: cache it between CI runs with the CI's own cache)", affectsOutputs: false } },
  { glob: '**/.parcel-cache/**', cache: { tool: 'Parcel', advice: "Parcel's cache, not an input: keep it out of inputs; it only saves time", affectsOutputs: false } },
  { glob: '**/.swc/**', cache: { tool: 'SWC', advice: "SWC's plugin cache, not an input: keep it out of inputs; it only saves time", affectsOutputs: false } },
  {
    glob: '**/.rollup.cache/**',
    cache: { tool: '@rollup/plugin-typescript', advice: "@rollup/plugin-typescript's incremental cache (outputToFilesystem), not an input and not a product: keep it out of inputs and outputs; a missing copy only costs time", affectsOutputs: false },
  },
  {
    glob: '**/.svelte-kit/**',
    cache: { tool: 'SvelteKit', advice: "SvelteKit's generated and staging folder (svelte-package stages files in .svelte-kit/__package__ before copying them to its output): an intermediate, not the product; keep it out of inputs and outputs", affectsOutputs: false, intermediate: true },
  },
  { glob: '**/.cache/**', cache: { tool: 'a tool', advice: 'a tool cache directory, not an input: keep it out of inputs; it only saves time', affectsOutputs: false } },
  { glob: '**/.jest-cache/**', cache: { tool: 'Jest', advice: "Jest's transform cache (cacheDirectory), not an input: keep it out of inputs; Jest keys it by file content", affectsOutputs: false } },
  { glob: '**/.vitest/**', cache: { tool: 'Vitest', advice: "Vitest's results cache, not an input: keep it out of inputs; it only orders tests", affectsOutputs: false } },
  {
    glob: '**/*.tsbuildinfo',
    cache: {
      tool: 'TypeScript',
      advice:
        "tsc's incremental build state (tsBuildInfoFile), not an input: keep it out of inputs. It describes the emitted files, " +
        'so declare it as an output next to them: a cache hit that restores the outputs without it, or it without the outputs, makes `tsc -b` skip or redo work',
      affectsOutputs: true,
      outsideOutputsAdvice:
        "tsc's incremental build state (tsBuildInfoFile), written outside the task's declared outputs: compiler state, not an input (keep it out of inputs). " +
        'A cache hit restores the outputs without it, which only makes the next real build a full one',
    },
  },
];

const matchers = TOOL_CACHES.map((t) => ({ match: picomatch(t.glob, { dot: true }), cache: t.cache }));

export function toolCacheOf(rel: string): ToolCache | undefined {
  for (const m of matchers) if (m.match(rel)) return m.cache;
  return undefined;
}

/**
 * Reads that are real but rarely change a task's result. Node (and bundlers resolving like Node) look up
 * the nearest `package.json` above a script to learn its module `type`: the workspace root's, or one in a
 * folder between the root and the task's project.
 */
const PM_CONFIG = new Set(['.npmrc', 'pnpm-workspace.yaml', '.yarnrc', '.yarnrc.yml', 'bunfig.toml', '.pnpmfile.cjs', 'lerna.json']);

export function arguableReadReason(rel: string, projectRoot: string): string | undefined {
  if (PM_CONFIG.has(path.posix.basename(rel))) {
    // A package manager run inside the task (pnpm run, pnpm pack) reads these to find the workspace;
    // attribution leaves package managers out, this catches one it could not tell apart.
    return 'package-manager configuration (registry, workspace layout): read by a package manager to find scripts and packages, it does not change what a build produces';
  }
  if (path.posix.basename(rel) !== 'package.json') return undefined;
  const dir = path.posix.dirname(rel);
  const ancestor = dir === '.' || projectRoot === '' ? dir === '.' : projectRoot.startsWith(dir + '/');
  if (!ancestor) return undefined;
  return (
    'Node reads the nearest package.json above a script to learn its module "type" (and bundlers look for "sideEffects"/"exports"): ' +
    'a real read of an unhashed file, but a change to it rarely changes the result'
  );
}

/**
 * The root package.json script a task's own package script runs (`pnpm -w run build:pkg`, `pnpm
 * --workspace-root build:pkg`, `npm --prefix ../.. run build:pkg`, `yarn --cwd ../.. build:pkg`): then
 * the task's command is written in the root package.json, and reading it is a real input (Node's module
 * `type` lookup reads the same file, but here its `scripts` define what the task does). Undefined when
 * the task's script (its package.json's `scripts[target]`) does not run a root script.
 */
export function rootScriptRun(root: string, projectRoot: string, target: string): string | undefined {
  if (projectRoot === '') return undefined;
  let script: unknown;
  try {
    script = (JSON.parse(readFileSync(path.join(root, projectRoot, 'package.json'), 'utf8')) as { scripts?: Record<string, unknown> }).scripts?.[target];
  } catch {
    return undefined;
  }
  if (typeof script !== 'string') return undefined;
  for (const part of script.split(/&&|\|\||;|\|/)) {
    const words = part.trim().split(/\s+/).filter(Boolean);
    const pm = words.findIndex((w) => /^(npm|pnpm|yarn|bun)$/.test(path.posix.basename(w)));
    if (pm < 0) continue;
    let toRoot = false;
    const rest: string[] = [];
    for (let i = pm + 1; i < words.length; i++) {
      const w = words[i];
      if (w === '-w' || w === '--workspace-root') toRoot = path.posix.basename(words[pm]) === 'pnpm';
      else if (/^(--prefix|--cwd|-C|--dir)$/.test(w) || /^(--prefix|--cwd|--dir)=/.test(w)) {
        const dir = w.includes('=') ? w.slice(w.indexOf('=') + 1) : words[++i];
        if (dir !== undefined && path.posix.normalize(path.posix.join(projectRoot, dir)) === '.') toRoot = true;
      } else rest.push(w);
    }
    if (!toRoot) continue;
    const args = rest.filter((w) => !w.startsWith('-'));
    const name = args[0] === 'run' || args[0] === 'run-script' ? args[1] : args[0];
    if (name) return name;
  }
  return undefined;
}

const MANIFEST = /(^|\/)(tsconfig[^/]*\.json|jsconfig\.json|package\.json)$/;

/**
 * A resolver crawling the workspace (vite-tsconfig-paths, tsconfig-paths plugins, some bundlers): the
 * task read tsconfig/jsconfig/package.json files of many folders outside its project to find which one
 * owns a file. Those reads rarely change the result; the configs the task's own tsconfigs `extends`
 * (followed through the chain) do, and are never counted as crawl. Returns the crawl reads.
 */
export function crawlReads(root: string, projectRoot: string, uncovered: Iterable<string>, allReads: Iterable<string>): Set<string> {
  const outside: string[] = [];
  const own: string[] = [];
  for (const rel of allReads) {
    if (!MANIFEST.test(rel)) continue;
    const inProject = projectRoot === '' ? !rel.includes('/') : rel.startsWith(projectRoot + '/') && !rel.slice(projectRoot.length + 1).includes('/');
    if (inProject) own.push(rel);
  }
  for (const rel of uncovered) {
    if (MANIFEST.test(rel) && (projectRoot === '' || !rel.startsWith(projectRoot + '/'))) outside.push(rel);
  }
  const dirs = new Set(outside.map((r) => path.posix.dirname(r)));
  if (outside.length < 5 || dirs.size < 3) return new Set();
  const extended = extendsChain(root, own.filter((r) => /tsconfig[^/]*\.json$|jsconfig\.json$/.test(r)));
  return new Set(outside.filter((r) => !extended.has(r)));
}

/** Workspace-relative files reached through `extends` from these tsconfigs (relative specifiers only). */
function extendsChain(root: string, start: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const rel = queue.pop()!;
    let text: string;
    try {
      text = readFileSync(path.join(root, rel), 'utf8');
    } catch {
      continue;
    }
    // tsconfig is JSONC: take the "extends" value(s) without a full parse.
    const m = /"extends"\s*:\s*(\[[^\]]*\]|"[^"]*")/.exec(text.replace(/\/\*[\s\S]*?\*\/|(^|[^:"])\/\/.*$/gm, '$1'));
    if (!m) continue;
    const values = [...m[1].matchAll(/"([^"]*)"/g)].map((x) => x[1]);
    for (const v of values) {
      if (!v.startsWith('.')) continue; // a package (node_modules): ignored anyway
      let target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), v));
      if (!target.endsWith('.json')) target += '.json';
      if (target.startsWith('../') || seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return seen;
}

/**
 * A `tsconfig.json` in a folder above the task's project, read by a bundler that probes every ancestor
 * folder (esbuild, tsconfck-based plugins), while the project has its own `tsconfig.json`: for the
 * project's files the nearest tsconfig.json applies, so the ancestor one matters only when a tsconfig of
 * the project reaches it (`extends`, also through a workspace package, or `references`). Read from disk
 * (JSONC); when any link cannot be followed the read is not explained away (undefined).
 */
export function shadowedTsconfigReason(root: string, projectRoot: string, rel: string): string | undefined {
  if (projectRoot === '' || path.posix.basename(rel) !== 'tsconfig.json') return undefined;
  const dir = path.posix.dirname(rel);
  if (!(dir === '.' || projectRoot.startsWith(dir + '/'))) return undefined;
  const own = `${projectRoot}/tsconfig.json`;
  if (!existsSync(path.join(root, own))) return undefined;
  let reach = reachMemo.get(`${root}\0${projectRoot}`);
  if (reach === undefined) {
    let starts: string[];
    try {
      starts = readdirSync(path.join(root, projectRoot)).filter((f) => /^tsconfig.*\.json$/.test(f)).map((f) => `${projectRoot}/${f}`);
    } catch {
      starts = [own];
    }
    reach = tsconfigReach(root, starts);
    reachMemo.set(`${root}\0${projectRoot}`, reach);
  }
  if (reach === null || reach.has(rel)) return undefined;
  return "shadowed by the project's own tsconfig.json: a bundler looks for tsconfig.json in every folder above a file and uses the nearest, and no tsconfig of the project extends or references this one";
}

const reachMemo = new Map<string, Set<string> | null>();

/**
 * Workspace-relative tsconfig files reached from `start` through `extends` (string or array, relative or
 * a package resolved through node_modules to a workspace file) and `references`; null when one of them
 * cannot be read or resolved (then nothing can be said).
 */
function tsconfigReach(root: string, start: string[]): Set<string> | null {
  const seen = new Set<string>(start);
  const queue = [...start];
  const inWorkspace = (abs: string): string | undefined => {
    const r = path.relative(root, abs).split(path.sep).join('/');
    return r === '' || r.startsWith('../') || path.isAbsolute(r) ? undefined : r;
  };
  const file = (abs: string): string | undefined => {
    for (const c of [abs, `${abs}.json`, path.join(abs, 'tsconfig.json')]) {
      try {
        if (statSync(c).isFile()) return realpathSync(c);
      } catch {
        /* next */
      }
    }
    return undefined;
  };
  while (queue.length) {
    const rel = queue.pop()!;
    const abs = path.join(root, rel);
    let json: { extends?: unknown; references?: unknown };
    try {
      const errors: ParseError[] = [];
      json = (parseJsonc(readFileSync(abs, 'utf8'), errors, { allowTrailingComma: true }) ?? {}) as typeof json;
      if (errors.length || typeof json !== 'object') return null;
    } catch {
      return null;
    }
    const targets: string[] = [];
    const ext = json.extends === undefined ? [] : Array.isArray(json.extends) ? json.extends : [json.extends];
    for (const e of ext) {
      if (typeof e !== 'string') return null;
      let found: string | undefined;
      if (e.startsWith('.') || path.isAbsolute(e)) found = file(path.resolve(path.dirname(abs), e));
      else {
        // A package: node_modules folders from the file's folder up.
        for (let d = path.dirname(abs); !found; d = path.dirname(d)) {
          found = file(path.join(d, 'node_modules', e));
          if (d === path.dirname(d)) break;
        }
      }
      if (!found) return null;
      const r = inWorkspace(found);
      if (r !== undefined && !r.split('/').includes('node_modules')) targets.push(r);
    }
    const refs = Array.isArray(json.references) ? json.references : [];
    for (const ref of refs) {
      const p = (ref as { path?: unknown })?.path;
      if (typeof p !== 'string') continue;
      const found = file(path.resolve(path.dirname(abs), p));
      const r = found && inWorkspace(found);
      if (r) targets.push(r);
    }
    for (const t of targets) {
      if (seen.has(t)) continue;
      seen.add(t);
      queue.push(t);
    }
  }
  return seen;
}
