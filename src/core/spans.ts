import type { TraceStore } from '../store/store.js';

/**
 * io-trace's own timing: spans (name, start, duration, status, error) and metrics, written to the
 * events table so the database answers "where did the time go". Spans started before the run row
 * exists are kept and written once `bind` is called.
 */
export interface SpanRecorder {
  withSpan<T>(name: string, attributes: Record<string, unknown>, fn: () => Promise<T> | T): Promise<T>;
  recordMetric(name: string, value: number, attributes?: Record<string, unknown>): void;
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
}

export class StoreSpanRecorder implements SpanRecorder {
  private target: { store: TraceStore; runId: number } | undefined;
  private readonly pending: Pending[] = [];

  bind(store: TraceStore, runId: number): void {
    this.target = { store, runId };
    for (const p of this.pending.splice(0)) this.write(p);
  }

  async withSpan<T>(name: string, attributes: Record<string, unknown>, fn: () => Promise<T> | T): Promise<T> {
    const startTs = Date.now();
    const t0 = performance.now();
    try {
      const result = await fn();
      this.write({ kind: 'span', name, startTs, durationMs: performance.now() - t0, status: 'ok', attributes });
      return result;
    } catch (e) {
      this.write({ kind: 'span', name, startTs, durationMs: performance.now() - t0, status: 'error', error: (e as Error).message ?? String(e), attributes });
      throw e;
    }
  }

  recordSpan(name: string, startTs: number, durationMs: number, attributes: Record<string, unknown> = {}): void {
    this.write({ kind: 'span', name, startTs, durationMs, status: 'ok', attributes });
  }

  recordMetric(name: string, value: number, attributes: Record<string, unknown> = {}): void {
    this.write({ kind: 'metric', name, startTs: Date.now(), value, attributes });
  }

  private write(p: Pending): void {
    if (!this.target) {
      this.pending.push(p);
      return;
    }
    try {
      this.target.store.addEvent(this.target.runId, p);
    } catch {
      // Timing is an extra: it never fails a run.
    }
  }
}

export const noopSpanRecorder: SpanRecorder = {
  withSpan: async (_n, _a, fn) => fn(),
  recordMetric() {},
};
