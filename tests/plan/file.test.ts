import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadPlanFile, parsePlan } from '../../src/plan/file.js';
import { ConfigurationError } from '../../src/core/errors.js';
import { makeWorkspace } from '../helpers/workspace.js';

let ws: ReturnType<typeof makeWorkspace>;
afterEach(() => ws?.cleanup());

const task = (over: Record<string, unknown> = {}) => ({
  id: 'app:build',
  target: { project: 'app', target: 'build' },
  projectRoot: 'packages/app',
  inputs: ['{projectRoot}/src/**'],
  outputs: ['{projectRoot}/dist'],
  dependencies: [],
  ...over,
});

describe('plan file', () => {
  it('accepts string and {type, value} inputs, expands tokens, records where fields are declared', () => {
    ws = makeWorkspace();
    const file = ws.write(
      'io-trace.plan.json',
      JSON.stringify(
        {
          version: 1,
          tasks: [
            task({ inputs: ['{projectRoot}/src/**', { type: 'file', value: '{workspaceRoot}/tsconfig.json' }, '!{projectRoot}/**/*.md', { type: 'env', value: 'NODE_ENV' }] }),
            task({ id: 'lib:build', target: { project: 'lib', target: 'build', configuration: 'prod' }, projectRoot: 'libs/lib/', dependencies: [] }),
          ],
        },
        null,
        2,
      ),
    );
    const plan = loadPlanFile(file);
    expect(plan.workspaceRoot).toBe(ws.root);
    expect(plan.source).toBe('file');
    const app = plan.tasks[0];
    expect(app.inputs).toEqual(['packages/app/src/**', 'tsconfig.json', '!packages/app/**/*.md']);
    expect(app.nonFileInputs).toEqual([{ type: 'env', value: 'NODE_ENV' }]);
    expect(app.outputs).toEqual(['packages/app/dist']);
    expect(app.declaredAt?.inputs).toEqual({ file: 'io-trace.plan.json', line: 11, what: 'tasks[0].inputs' });
    expect(plan.tasks[1]).toMatchObject({ id: 'lib:build', configuration: 'prod', projectRoot: 'libs/lib' });
  });

  it('resolves workspaceRoot relative to the plan file', () => {
    ws = makeWorkspace({ 'ws/.keep': '' });
    const file = ws.write('plans/p.json', JSON.stringify({ version: 1, workspaceRoot: '../ws', tasks: [task()] }));
    const plan = loadPlanFile(file);
    expect(plan.workspaceRoot).toBe(path.join(ws.root, 'ws'));
    expect(plan.tasks[0].declaredAt?.outputs?.file).toBe('../plans/p.json');
  });

  const bad: [string, string, RegExp][] = [
    ['not JSON', '{"version": 1,\n  "tasks": [ }', /line 2: not valid JSON/],
    ['wrong version', JSON.stringify({ version: 2, tasks: [] }), /"version" must be 1/],
    ['no tasks', JSON.stringify({ version: 1 }), /"tasks" must be an array/],
    ['no outputs', JSON.stringify({ version: 1, tasks: [task({ outputs: undefined })] }), /task "app:build" has no "outputs" array/],
    ['no target', JSON.stringify({ version: 1, tasks: [task({ target: 'app' })] }), /task "app:build" needs "target"/],
    ['bad input type', JSON.stringify({ version: 1, tasks: [task({ inputs: [{ type: 'glob', value: 'x' }] })] }), /inputs\[0\] has unknown type "glob"/],
    ['duplicate id', JSON.stringify({ version: 1, tasks: [task(), task()] }), /is listed twice/],
    ['unknown dependency', JSON.stringify({ version: 1, tasks: [task({ dependencies: ['lib:build'] })] }), /depends on unknown task "lib:build"/],
    ['missing root', JSON.stringify({ version: 1, workspaceRoot: 'nope', tasks: [] }), /"workspaceRoot" .*nope is not a directory/],
  ];
  for (const [name, text, message] of bad) {
    it(`rejects a plan with ${name}, naming the file`, () => {
      ws = makeWorkspace();
      const file = path.join(ws.root, 'plan.json');
      expect(() => parsePlan(text, file)).toThrow(ConfigurationError);
      expect(() => parsePlan(text, file)).toThrow(message);
      expect(() => parsePlan(text, file)).toThrow(file);
    });
  }

  it('says when the plan file does not exist', () => {
    expect(() => loadPlanFile('/nonexistent/plan.json')).toThrow(/plan file \/nonexistent\/plan.json does not exist/);
  });
});
