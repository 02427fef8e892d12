import type { TraceEvent, TracerNoticeEvent } from '../core/events.js';
import type { ProcessTracker } from '../core/records.js';
import { PathNormaliser } from './normalise-path.js';
import type { AccessRecord, TraceStore } from './store.js';

interface PendingAccess extends AccessRecord {
  rowId?: number;
  dirty: boolean;
}

export interface IngestOptions {
  flushIntervalMs?: number;
  /** Called when a flush fails while the build runs (a full disk); a failure in close() is left in `unsaved`. */
  onWriteError?: (e: unknown) => void;
}

/**
 * Turns the tracer's event stream into database rows. Paths are normalised (PathNormaliser) and accesses de-duplicated in memory by
 * (process, op, errno, path) with a count and first/last time, and written in batches: the per-event
 * work is one Map lookup, so ingest keeps up with the tracer. Flushed on a timer so a run killed half
 * way still leaves what was seen.
 *
 * A write the database refuses (full disk, read-only file system) never throws out of here: the batch
 * stays pending in memory, the timer stops (no retry storm on a full disk), close() tries once more,
 * and `unsaved` says what was left out. What earlier batches committed stays in the database.
 */
export class TraceIngestor {
  private readonly accesses = new Map<string, PendingAccess>();
  private fresh: PendingAccess[] = [];
  private changed: PendingAccess[] = [];
  private pendingNotices: TracerNoticeEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly onWriteError: ((e: unknown) => void) | undefined;
  private readonly paths = new PathNormaliser();
  readonly notices: TracerNoticeEvent[] = [];
  eventCount = 0;
  /** The error of the last write that failed, while what it carried is still not in the database. */
  unsaved: unknown = undefined;

  constructor(
    private readonly store: TraceStore,
    private readonly runId: number,
    private readonly processes: ProcessTracker,
    options: IngestOptions | number = {},
  ) {
    const o = typeof options === 'number' ? { flushIntervalMs: options } : options;
    const flushIntervalMs = o.flushIntervalMs ?? 1000;
    this.onWriteError = o.onWriteError;
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
          const path = this.paths.normalise(e.path);
          const key = `${procKey}\0${e.op}\0${e.errno}\0${path}`;
          const a = this.accesses.get(key);
          if (a === undefined) {
            const rec: PendingAccess = { procKey, path, op: e.op, errno: e.errno, count: 1, firstTs: e.ts, lastTs: e.ts, dirty: false };
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
          this.processes.exec(e.pid, e.path, e.argv, e.cwd, e.ts, e.argvTruncated === true, e.env);
          break;
        case 'exit':
          this.processes.exit(e.pid, e.ts);
          break;
        case 'notice':
          // Written with the next flush: the sink itself never touches the database.
          this.notices.push(e);
          this.pendingNotices.push(e);
          break;
      }
    }
  };

  /** Write everything pending to the database; false (and `unsaved` set) if the database refused. */
  flush(): boolean {
    return this.attempt(() => this.write(), true);
  }

  /** Final flush: every process re-saved with its task decided on the whole tree. Never throws. */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.attempt(() => {
      this.write();
      this.store.saveProcesses(this.runId, this.processes.records(false));
    }, false);
  }

  private attempt(fn: () => void, tell: boolean): boolean {
    try {
      fn();
      this.unsaved = undefined;
      return true;
    } catch (e) {
      if (tell && this.unsaved === undefined) this.onWriteError?.(e);
      this.unsaved = e;
      // Pending rows stay in memory for close(); retrying every second on a full disk helps nobody.
      if (this.timer) clearInterval(this.timer);
      this.timer = undefined;
      return false;
    }
  }

  private write(): void {
    if (this.pendingNotices.length) {
      const notices = this.pendingNotices;
      this.pendingNotices = [];
      try {
        this.store.db.transaction(() => {
          for (const e of notices) {
            this.store.addEvent(this.runId, {
              kind: 'notice',
              name: e.kind,
              startTs: e.ts,
              attributes: { message: e.message, ...(e.pid !== undefined ? { pid: e.pid } : {}), ...(e.count !== undefined ? { count: e.count } : {}) },
            });
          }
        });
      } catch (e) {
        this.pendingNotices = notices.concat(this.pendingNotices);
        throw e;
      }
    }
    // A process whose save fails is saved again by close() (it re-saves all of them).
    const procs = this.processes.records(true);
    if (procs.length) this.store.saveProcesses(this.runId, procs);
    if (this.fresh.length || this.changed.length) {
      const fresh = this.fresh;
      const changed = this.changed;
      this.fresh = [];
      this.changed = [];
      try {
        this.store.writeAccesses(this.runId, fresh, changed);
      } catch (e) {
        // The transaction was rolled back: the ids handed out in it name no rows.
        for (const a of fresh) a.rowId = undefined;
        this.fresh = fresh.concat(this.fresh);
        this.changed = changed.concat(this.changed);
        throw e;
      }
      for (const a of changed) a.dirty = false;
    }
  }

  get distinctAccesses(): number {
    return this.accesses.size;
  }
}
