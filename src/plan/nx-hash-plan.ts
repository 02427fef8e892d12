/**
 * Nx 21.2-22.5 describe a task's hash inputs only as the native planner's lines (HashPlanInspector's
 * `inspect()`): `file:PATH`, `env:NAME`, `runtime:COMMAND`, `AllExternalDependencies` or `npm:NAME`,
 * `PROJECT:ProjectConfiguration`, `PROJECT:TsConfig`, and `GLOB:DIR` for a dependentTasksOutputFiles
 * input (the files of DIR, a dependency's output, that GLOB matches; those files are `file:` lines
 * too). Nx 22.6+ gives the same plan already sorted into kinds (`inspectInputs()`); this sorts the lines
 * the same way, so both go through one path. Checked against 24.0.6's `inspectInputs()` on the same
 * workspace (tests/plan/nx.test.ts): the same files, environment, runtime, external and dependency
 * outputs; like it, the project-configuration and tsconfig lines are left out (they hash the project's
 * configuration, which io-trace reads from the files themselves).
 */
import picomatch from 'picomatch';
import type { NxChildTask } from './nx-child-protocol.js';

export type HashInputs = NonNullable<NxChildTask['hashInputs']>;

export function inputsFromHashPlan(lines: readonly string[]): HashInputs {
  const files: string[] = [];
  const runtime: string[] = [];
  const environment: string[] = [];
  const external: string[] = [];
  const depGlobs: { glob: string; dir: string }[] = [];
  for (const line of lines) {
    if (line.startsWith('file:')) files.push(line.slice('file:'.length));
    else if (line.startsWith('env:')) environment.push(line.slice('env:'.length));
    else if (line.startsWith('runtime:')) runtime.push(line.slice('runtime:'.length));
    else if (line === 'AllExternalDependencies' || line.startsWith('npm:')) external.push(line);
    else if (/^[^:]+:(ProjectConfiguration|TsConfig)$/.test(line)) continue;
    else {
      const at = line.lastIndexOf(':');
      // GLOB:DIR; anything else this version may add is kept as a non-file input (never a file).
      if (at > 0 && at < line.length - 1) depGlobs.push({ glob: line.slice(0, at), dir: line.slice(at + 1).replace(/\/+$/, '') });
      else external.push(line);
    }
  }
  const matchers = depGlobs.map(({ glob, dir }) => ({ dir, match: picomatch(glob, { dot: true }) }));
  const depOutputs = files.filter((f) => matchers.some(({ dir, match }) => f.startsWith(`${dir}/`) && (match(f) || match(f.slice(dir.length + 1)))));
  const sorted = (xs: string[]) => [...new Set(xs)].sort();
  return { files: sorted(files), runtime: sorted(runtime), environment: sorted(environment), depOutputs: sorted(depOutputs), external: sorted(external) };
}
