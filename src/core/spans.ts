import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventWriter } from './records.js';

/**
 * io-trace's own timing: spans (name, start, duration, status, error) and metrics, written to the
 * events table so the database answers "where did the time go". A span started inside another
 * (through `withSpan`, across awaits) records it as its parent: the current span travels in an
 * AsyncLocalStorage. Spans started before the run row exists are kept and written once `bind` is called.
 */
export interface SpanRecorder {
  withSpan<T>(name: string, attributes: Record<string, unknown>, fn: () => Promise<T> | T): Promise<T>;
  /** A span measured elsewhere (start and duration known); nested under the current span unless `parent` says otherwise. */
  recordSpan(name: string, startTs: number, durationMs: number, attributes?: Record<string, unknown>, options?: RecordSpanOptions): SpanHandle;
  recordMetric(name: string, value: number, attributes?: Record<string, unknown>): void;
}

export interface RecordSpanOptions {
  /** Parent span; null: top level; undefined: the current span, if any. */
  parent?: SpanHandle | null;
  status?: 'ok' | 'error';
  error?: string;
}

/** A recorded span, usable as a parent. `id` is its events row once written. */
export interface SpanHandle {
  readonly name: string;
  readonly id: number | undefined;
}

interface Pending {
  kind: 'span' | 'metric';
  name: string;
  startTs: number;
  durationMs?: number;
  status?: 'ok' | 'error';
  error?: string;
  value?: number;
  attributes: Record<string, unknown>;
  parent?: Pending | undefined;
  id?: number;
}

export class StoreSpanRecorder implements SpanRecorder {
  private target: { store: EventWriter; runId: number } | undefined;
  private readonly pending: Pending[] = [];
  private readonly current = new AsyncLocalStorage<Pending>();

  bind(store: EventWriter, runId: number): void {
    this.target = { store, runId };
    // In start order, so a parent is written (and has its id) before its children.
    for (const p of this.pending.splice(0)) this.write(p);
  }

  async withSpan<T>(name: string, attributes: Record<string, unknown>, fn: () => Promise<T> | T): Promise<T> {
    const span: Pending = { kind: 'span', name, startTs: Date.now(), attributes, parent: this.current.getStore() };
    // Written open (no duration) at the start so children can name it as parent, closed at the end.
    this.write(span);
    const t0 = performance.now();
    try {
      const result = await this.current.run(span, fn);
      this.close(span, performance.now() - t0, 'ok');
      return result;
    } catch (e) {
      this.close(span, performance.now() - t0, 'error', e instanceof Error ? e.message : String(e));
      throw e;
    }
  }

  recordSpan(name: string, startTs: number, durationMs: number, attributes: Record<string, unknown> = {}, options: RecordSpanOptions = {}): SpanHandle {
    const parent = options.parent === undefined ? this.current.getStore() : options.parent === null ? undefined : (options.parent as Pending);
    const span: Pending = {
      kind: 'span',
      name,
      startTs,
      durationMs,
      status: options.status ?? 'ok',
      attributes,
      parent,
      ...(options.error !== undefined ? { error: options.error } : {}),
    };
    this.write(span);
    return span as SpanHandle;
  }

  recordMetric(name: string, value: number, attributes: Record<string, unknown> = {}): void {
    this.write({ kind: 'metric', name, startTs: Date.now(), value, attributes, parent: this.current.getStore() });
  }

  private close(span: Pending, durationMs: number, status: 'ok' | 'error', error?: string): void {
    span.durationMs = durationMs;
    span.status = status;
    if (error !== undefined) span.error = error;
    if (span.id === undefined || !this.target) return; // still pending: written whole on bind
    try {
      this.target.store.updateEvent(span.id, { durationMs, status, error: error ?? null });
    } catch {
      // Timing is an extra: it never fails a run.
    }
  }

  private write(p: Pending): void {
    if (!this.target) {
      this.pending.push(p);
      return;
    }
    try {
      const { kind, name, startTs, durationMs, status, error, value, attributes } = p;
      p.id = this.target.store.addEvent(this.target.runId, { kind, name, startTs, durationMs, status, error, value, attributes, parentId: p.parent?.id ?? null });
    } catch {
      // Timing is an extra: it never fails a run.
    }
  }
}

const NOOP_HANDLE: SpanHandle = { name: 'noop', id: undefined };

/** Recording off: runs the functions, records nothing. */
export const noopSpanRecorder: SpanRecorder = {
  withSpan: async (_n, _a, fn) => fn(),
  recordSpan: () => NOOP_HANDLE,
  recordMetric() {},
};
