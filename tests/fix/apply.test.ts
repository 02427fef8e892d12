/**
 * Config edits change only the bytes they add: formatting, comments, key order, tabs, CRLF and the
 * trailing newline stay as the user wrote them.
 */
import { describe, expect, it } from 'vitest';
import { applyConfigEdits } from '../../src/fix/apply.js';

const edit = (path: (string | number)[], values: unknown[], base: unknown[] = []) => ({ file: 'x.json', path, values, base });

describe('applyConfigEdits', () => {
  it('appends to a one-line array on its line, and skips values already there', () => {
    const text = '{\n  // why\n  "tasks": { "build": { "inputs": ["src/**"] } }\n}\n';
    expect(applyConfigEdits(text, [edit(['tasks', 'build', 'inputs'], ['src/**', '$TURBO_ROOT$/a.json'])])).toBe(
      '{\n  // why\n  "tasks": { "build": { "inputs": ["src/**", "$TURBO_ROOT$/a.json"] } }\n}\n',
    );
  });

  it('appends to a multi-line array at its indentation, with tabs and CRLF kept', () => {
    const text = '{\r\n\t"inputs": [\r\n\t\t"a",\r\n\t\t"b"\r\n\t]\r\n}';
    expect(applyConfigEdits(text, [edit(['inputs'], ['c', { projects: ['lib'], target: 'build' }])])).toBe(
      '{\r\n\t"inputs": [\r\n\t\t"a",\r\n\t\t"b",\r\n\t\t"c",\r\n\t\t{ "projects": ["lib"], "target": "build" }\r\n\t]\r\n}',
    );
  });

  it('fills an empty array in place', () => {
    expect(applyConfigEdits('{ "outputs": [] }', [edit(['outputs'], ['dist/**'])])).toBe('{ "outputs": ["dist/**"] }');
  });

  it('creates a missing field (and the objects on the way) with its base values first', () => {
    const text = '{\n    "name": "app",\n    "nx": {}\n}\n';
    expect(applyConfigEdits(text, [edit(['nx', 'targets', 'build', 'inputs'], ['x'], ['default', '^default'])])).toBe(
      '{\n    "name": "app",\n    "nx": { "targets": { "build": { "inputs": ["default", "^default", "x"] } } }\n}\n',
    );
    const multi = '{\n  "name": "app"\n}';
    expect(applyConfigEdits(multi, [edit(['nx', 'targets', 'build', 'outputs'], ['{projectRoot}/dist'])])).toBe(
      '{\n  "name": "app",\n  "nx": {\n    "targets": {\n      "build": {\n        "outputs": ["{projectRoot}/dist"]\n      }\n    }\n  }\n}',
    );
  });

  it('refuses to append to something that is not an array', () => {
    expect(() => applyConfigEdits('{ "inputs": "src" }', [edit(['inputs'], ['x'])])).toThrow(/is a string, not an array/);
  });
});
