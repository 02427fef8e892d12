import { BpftraceTracer } from './bpftrace.js';
import { StraceTracer } from './strace.js';
import type { Tracer } from './types.js';

/**
 * The tracer backends, best first: `--tracer auto` takes the first one available. bpftrace costs
 * ~2% on a compile and sees the whole tree from the kernel; strace (ptrace) costs far more.
 */
export function defaultTracers(options: { bpftraceCommand?: string[] } = {}): Tracer[] {
  return [new BpftraceTracer(options.bpftraceCommand ? { command: options.bpftraceCommand } : {}), new StraceTracer()];
}
