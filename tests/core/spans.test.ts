import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { noopSpanRecorder, StoreSpanRecorder } from '../../src/core/spans.js';
import { TraceStore } from '../../src/store/store.js';
import { makeWorkspace } from '../helpers/workspace.js';

let ws: ReturnType<typeof makeWorkspace>;
afterEach(() => ws?.cleanup());

describe('spans', () => {
  it('nest through async calls, record errors, and wait for the run row when started early', async () => {
    ws = makeWorkspace();
    const store = TraceStore.create(path.join(ws.root, 'trace.db'));
    const spans = new StoreSpanRecorder();
    // Before bind: kept, then written with parents resolved.
    await spans.withSpan('setup', { a: 1 }, async () => {
      await spans.withSpan('probe', {}, () => new Promise((r) => setTimeout(r, 5)));
    });
    const runId = store.createRun({ ioTraceVersion: 't', command: ['x'], cwd: '/', tracer: 'none', startedAt: Date.now() });
    spans.bind(store, runId);
    await spans.withSpan('outer', {}, async () => {
      // Two concurrent children keep their own parent; a recorded span and a metric inside nest too.
      await Promise.all([
        spans.withSpan('child-a', {}, async () => {
          await new Promise((r) => setTimeout(r, 5));
          await spans.withSpan('grandchild', {}, () => 1);
        }),
        spans.withSpan('child-b', {}, () => 2),
      ]);
      spans.recordSpan('measured', Date.now() - 10, 10, { x: 1 });
      spans.recordMetric('m', 3);
    });
    await expect(spans.withSpan('fails', {}, async () => {
      throw new Error('boom');
    })).rejects.toThrow('boom');
    const top = spans.recordSpan('top', Date.now(), 1, {}, { parent: null });
    spans.recordSpan('under-top', Date.now(), 1, {}, { parent: top, status: 'error', error: 'bad' });

    const events = store.loadEvents(runId);
    const byName = new Map(events.map((e) => [e.name, e]));
    const parentName = (n: string) => events.find((e) => e.id === byName.get(n)!.parentId)?.name ?? null;
    expect(parentName('setup')).toBeNull();
    expect(parentName('probe')).toBe('setup');
    expect(parentName('outer')).toBeNull();
    expect(parentName('child-a')).toBe('outer');
    expect(parentName('child-b')).toBe('outer');
    expect(parentName('grandchild')).toBe('child-a');
    expect(parentName('measured')).toBe('outer');
    expect(parentName('m')).toBe('outer');
    expect(parentName('under-top')).toBe('top');
    expect(byName.get('probe')!.durationMs).toBeGreaterThanOrEqual(4);
    expect(byName.get('setup')).toMatchObject({ status: 'ok', attributes: { a: 1 } });
    expect(byName.get('fails')).toMatchObject({ status: 'error', error: 'boom' });
    expect(byName.get('under-top')).toMatchObject({ status: 'error', error: 'bad' });
    expect(events.filter((e) => e.kind === 'span').every((e) => e.durationMs !== null)).toBe(true);
    store.close();
  });

  it('has a no-op variant that only runs the function', async () => {
    expect(await noopSpanRecorder.withSpan('x', {}, () => 42)).toBe(42);
    expect(noopSpanRecorder.recordSpan('y', 0, 1).id).toBeUndefined();
    noopSpanRecorder.recordMetric('z', 1);
  });
});
