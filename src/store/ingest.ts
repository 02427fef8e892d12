import type { TraceEvent, TracerNoticeEvent } from '../core/events.js';
import type { ProcessTable } from '../attribution/process-table.js';
import type { AccessRecord, TraceStore } from './store.js';

interface PendingAccess extends AccessRecord {
  rowId?: number;
  dirty: boolean;
}

/**
 * Turns the tracer's event stream into database rows. Accesses are de-duplicated in memory by
 * (process, op, errno, path) with a count and first/last time, and written in batches: the per-event
 * work is one Map lookup, so ingest keeps up with the tracer. Flushed on a timer so a run killed half
 * way still leaves what was seen.
 */
export class TraceIngestor {
  private readonly accesses = new Map<string, PendingAccess>();
  private fresh: PendingAccess[] = [];
  private changed: PendingAccess[] = [];
  private timer: NodeJS.Timeout | undefined;
  readonly notices: TracerNoticeEvent[] = [];
  eventCount = 0;

  constructor(
    private readonly store: TraceStore,
    private readonly runId: number,
    private readonly processes: ProcessTable,
    flushIntervalMs = 1000,
  ) {
    if (flushIntervalMs > 0) {
      this.timer = setInterval(() => this.flush(), flushIntervalMs);
      this.timer.unref();
    }
  }

  /** The tracer's EventSink. */
  readonly sink = (batch: TraceEvent[]): void => {
    this.eventCount += batch.length;
    for (const e of batch) {
      switch (e.type) {
        case 'access': {
          const procKey = this.processes.keyFor(e.pid, e.ts);
          const key = `${procKey}\0${e.op}\0${e.errno}\0${e.path}`;
          const a = this.accesses.get(key);
          if (a === undefined) {
            const rec: PendingAccess = { procKey, path: e.path, op: e.op, errno: e.errno, count: 1, firstTs: e.ts, lastTs: e.ts, dirty: false };
            this.accesses.set(key, rec);
            this.fresh.push(rec);
          } else {
            a.count++;
            if (e.ts < a.firstTs) a.firstTs = e.ts;
            if (e.ts > a.lastTs) a.lastTs = e.ts;
            if (a.rowId !== undefined && !a.dirty) {
              a.dirty = true;
              this.changed.push(a);
            }
          }
          break;
        }
        case 'fork':
          this.processes.fork(e.pid, e.child, e.ts);
          break;
        case 'exec':
          this.processes.exec(e.pid, e.path, e.argv, e.cwd, e.ts, e.env);
          break;
        case 'exit':
          this.processes.exit(e.pid, e.ts);
          break;
        case 'notice':
          this.notices.push(e);
          this.store.addEvent(this.runId, {
            kind: 'notice',
            name: e.kind,
            startTs: e.ts,
            attributes: { message: e.message, ...(e.pid !== undefined ? { pid: e.pid } : {}), ...(e.count !== undefined ? { count: e.count } : {}) },
          });
          break;
      }
    }
  };

  /** Write everything pending to the database. */
  flush(): void {
    const procs = this.processes.records(true);
    if (procs.length) this.store.saveProcesses(this.runId, procs);
    if (this.fresh.length || this.changed.length) {
      const fresh = this.fresh;
      const changed = this.changed;
      this.fresh = [];
      this.changed = [];
      this.store.writeAccesses(this.runId, fresh, changed);
      for (const a of changed) a.dirty = false;
    }
  }

  /** Final flush: every process re-saved with its task decided on the whole tree. */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.flush();
    this.store.saveProcesses(this.runId, this.processes.records(false));
  }

  get distinctAccesses(): number {
    return this.accesses.size;
  }
}
