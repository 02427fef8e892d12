import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Inputs, Outputs } from '../../src/action/constants.js';
import { REPO } from '../helpers/cli.js';

describe('action.yml', () => {
  const doc = parse(readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string; required?: boolean }>;
    outputs: Record<string, unknown>;
    runs: Record<string, string>;
  };

  it('declares exactly the inputs and outputs of src/action/constants.ts', () => {
    expect(Object.keys(doc.inputs).sort()).toEqual(Object.values(Inputs).sort());
    expect(Object.keys(doc.outputs).sort()).toEqual(Object.values(Outputs).sort());
  });

  it('is a node24 action with a pre step, whose post step always runs, from the bundled dist/', () => {
    expect(doc.runs).toEqual({ using: 'node24', pre: 'dist/action/pre.js', main: 'dist/action/main.js', post: 'dist/action/post.js', 'post-if': 'always()' });
    expect(doc.inputs['github-token'].default).toBe('${{ github.token }}');
    // Required in run mode only (aggregate mode runs no build): readInputs enforces it.
    expect(doc.inputs.run.required).toBe(false);
    expect(doc.inputs.mode.default).toBe('run');
  });
});
