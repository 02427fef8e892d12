/**
 * nx 21.2-22.5's hash plan lines sorted as 22.6+'s inspectInputs() sorts them. The lines below are what
 * nx 21.6.11's HashPlanInspector gave for a two-package workspace (b depends on a; inputs: production,
 * ^production, env NODE_ENV, runtime `node -v`, the .d.ts outputs of its dependencies), and the expected
 * value is what nx 24.0.6's inspectInputs() gave for the same workspace.
 */
import { describe, expect, it } from 'vitest';
import { inputsFromHashPlan } from '../../src/plan/nx-hash-plan.js';

describe('inputsFromHashPlan', () => {
  it('sorts nx 21\'s lines into what nx 24 gives for the same workspace', () => {
    const lines = [
      'file:nx.json', 'file:tsconfig.base.json', 'runtime:node -v', 'env:NODE_ENV', 'env:NX_CLOUD_ENCRYPTION_KEY',
      'file:packages/a/dist/index.d.ts', 'file:packages/a/package.json', 'file:packages/a/src/index.ts', 'file:packages/b/package.json',
      'file:packages/b/src/index.ts', 'a:ProjectConfiguration', 'b:ProjectConfiguration', 'a:TsConfig', 'b:TsConfig',
      '**/*.d.ts:packages/a/dist', 'AllExternalDependencies',
    ];
    expect(inputsFromHashPlan(lines)).toEqual({
      files: ['nx.json', 'packages/a/dist/index.d.ts', 'packages/a/package.json', 'packages/a/src/index.ts', 'packages/b/package.json', 'packages/b/src/index.ts', 'tsconfig.base.json'],
      runtime: ['node -v'],
      environment: ['NODE_ENV', 'NX_CLOUD_ENCRYPTION_KEY'],
      depOutputs: ['packages/a/dist/index.d.ts'],
      external: ['AllExternalDependencies'],
    });
  });

  it('keeps named external dependencies, matches dependency outputs only inside their folder, and never makes a file of a line it does not know', () => {
    const got = inputsFromHashPlan([
      'npm:typescript', 'file:packages/a/dist/x.js', 'file:packages/a/distant/y.d.ts', 'file:packages/a/dist/types/z.d.ts',
      '**/*.d.ts:packages/a/dist/', 'SomethingNew', 'file:a b/c:d.ts',
    ]);
    expect(got.external).toEqual(['SomethingNew', 'npm:typescript']);
    expect(got.depOutputs).toEqual(['packages/a/dist/types/z.d.ts']);
    expect(got.files).toEqual(['a b/c:d.ts', 'packages/a/dist/types/z.d.ts', 'packages/a/dist/x.js', 'packages/a/distant/y.d.ts']);
  });
});
