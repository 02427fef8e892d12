import type { Logger } from '../core/logger.js';
import type { TraceEvent } from '../core/events.js';

export type TracerName = 'bpftrace' | 'strace' | 'none';

export interface TracerAvailability {
  available: boolean;
  /** Tool version, e.g. "0.17.0" for bpftrace or "6.1" for strace. */
  version?: string;
  /** Why it is not available (missing binary, not root, tracefs not mounted, BPF denied...). */
  reason?: string;
}

/** Receives events in batches, in the order the backend produced them. */
export type EventSink = (batch: TraceEvent[]) => void;

export interface TracerOutcome {
  /** Events the backend knows it dropped (bpftrace "Lost N events"). */
  lostEvents: number;
  /** Human-readable reasons the trace is incomplete; empty when complete. */
  incompleteReasons: string[];
  /** Total events delivered to the sink. */
  eventCount: number;
  /** Tracer stderr lines worth keeping (warnings), for the run record. */
  diagnostics: string[];
}

/**
 * A tracer following one process tree. Created by Tracer.attach() for a build process that the
 * launcher started in the stopped state (SIGSTOP), so nothing runs before the probes are attached.
 */
export interface TracerSession {
  /** Resolves once probes are attached and `pid` is followed; rejects with TracerError if that fails. */
  ready: Promise<void>;
  /**
   * Stops tracing after the build exited: flush every pending event to the sink, end the tracer
   * process (SIGINT, resent, then SIGKILL after a timeout) and resolve with the outcome. Idempotent.
   */
  finish(): Promise<TracerOutcome>;
}

export interface AttachOptions {
  /** The root pid of the build's process tree (stopped, not yet resumed). */
  pid: number;
  sink: EventSink;
  log: Logger;
  /** Directory for the tracer's scratch files (its script, raw output). */
  workDir: string;
}

export interface Tracer {
  readonly name: TracerName;
  check(): Promise<TracerAvailability>;
  attach(options: AttachOptions): TracerSession;
  /**
   * Take a standby tracer (started before the build) for the next attach(), once it is attached; returns
   * the shell the build's launcher must run as (how the standby recognises it), or undefined when there
   * is none to take.
   */
  claimStandby?(dir: string, log: Logger): Promise<string | undefined>;
  /** A claimed standby that attach() never took (the run ended before it): stop it. */
  releaseStandby?(): void;
}
