/**
 * Records shared across layers (attribution produces processes, the store saves them; spans are written
 * to the store's events table), and the narrow interfaces a lower layer takes from a higher one. They
 * live here, on the ground floor, so no layer imports from one above it.
 */

/** One process of the build's tree, with its task decided. */
export interface ProcessRecord {
  key: number;
  pid: number;
  parentKey: number | null;
  ppid: number | null;
  taskId: string | null;
  role: 'task' | 'orchestrator' | 'package-manager' | 'unattributed';
  exe: string | null;
  argv: string[] | null;
  cwd: string | null;
  startedAt: number | null;
  endedAt: number | null;
}

/** A row of the events table: io-trace's spans and metrics, and the tracer's notices. */
export interface EventRecord {
  kind: 'span' | 'metric' | 'notice';
  name: string;
  parentId?: number | null;
  startTs: number;
  durationMs?: number | null;
  status?: 'ok' | 'error' | null;
  value?: number | null;
  error?: string | null;
  attributes?: Record<string, unknown>;
}

/** Where spans go (the trace store implements it). */
export interface EventWriter {
  addEvent(runId: number, e: EventRecord): number;
  updateEvent(id: number, patch: Pick<EventRecord, 'durationMs' | 'status' | 'error'>): void;
}

/** The process tree ingest feeds (attribution's ProcessTable implements it). */
export interface ProcessTracker {
  /** The per-run key of the process `pid` is at time `ts`. */
  keyFor(pid: number, ts: number): number;
  fork(parentPid: number, childPid: number, ts: number): void;
  /** `argvTruncated`: the tracer cut an argument, so the whole argv is read from /proc while it can be. */
  exec(pid: number, exe: string, argv: string[], cwd: string | undefined, ts: number, argvTruncated?: boolean, env?: Readonly<Record<string, string>>): void;
  exit(pid: number, ts: number): void;
  /** Records with tasks decided; `onlyDirty`: just those changed since the last call. */
  records(onlyDirty?: boolean): ProcessRecord[];
}

/**
 * Why a finding exists: the process that made the access, its chain of parents within the task
 * (`node .../esbuild <- tsup <- pnpm run build`), when it first did and how many times the task did.
 */
export interface FindingCause {
  /** `read` or `write`: what the finding is about. */
  op: 'read' | 'write';
  /** The file whose access is shown (the finding's path, or its first sample for a group). */
  path: string;
  pid: number;
  procKey: number;
  /** The process first, then its parents up to the task's first process. */
  chain: string[];
  /** When the task first made the access (ms since the epoch). */
  firstTs: number;
  /** Accesses of this kind to the file by the task's processes. */
  count: number;
}

/** A task's process with the files it read and changed itself, and its children (show --task, HTML). */
export interface ProcessNode {
  key: number;
  pid: number;
  label: string;
  argv: string[] | null;
  startedAt: number | null;
  endedAt: number | null;
  /** Distinct workspace-relative (else absolute) paths this process read / changed. */
  reads: string[];
  writes: string[];
  children: ProcessNode[];
}
