import { TracerError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { NoneTracer } from './none.js';
import type { Tracer, TracerName } from './types.js';

export type TracerRequest = TracerName | 'auto';

export interface SelectedTracer {
  tracer: Tracer;
  version: string | null;
  /** Why this tracer: what auto skipped and why, so a degraded run says so. */
  reason: string;
  /**
   * With `auto`: the candidates after this one, to try if this one cannot attach after all (a bpftrace
   * that runs but cannot load the script: an older or newer release, a kernel without a tracepoint).
   */
  next: readonly Tracer[];
}

/**
 * Pick the tracer: `auto` takes the first available of `candidates` (best first), else none;
 * an explicit name that is unavailable is an error naming why.
 */
export async function selectTracer(request: TracerRequest, candidates: readonly Tracer[], log: Logger): Promise<SelectedTracer> {
  if (request === 'none') return { tracer: new NoneTracer(), version: null, reason: 'tracing turned off (--tracer none)', next: [] };
  const skipped: string[] = [];
  for (const [i, tracer] of candidates.entries()) {
    if (request !== 'auto' && tracer.name !== request) continue;
    const a = await tracer.check();
    if (a.available) {
      const reason = request === 'auto' ? (skipped.length ? `auto: ${skipped.join('; ')}; using ${tracer.name}` : `auto: ${tracer.name} is available`) : `requested: ${tracer.name}`;
      return { tracer, version: a.version ?? null, reason, next: request === 'auto' ? candidates.slice(i + 1) : [] };
    }
    if (request !== 'auto') throw new TracerError(`--tracer ${request} cannot run here: ${a.reason ?? 'unavailable'}`);
    skipped.push(`${tracer.name} unavailable (${a.reason ?? 'unknown reason'})`);
    log.warn(`${tracer.name} unavailable: ${a.reason ?? 'unknown reason'}`);
  }
  if (request !== 'auto') throw new TracerError(`unknown tracer ${JSON.stringify(request)}: use auto, bpftrace, strace or none`);
  return { tracer: new NoneTracer(), version: null, reason: `auto: no tracer works here (${skipped.join('; ')}); the build ran untraced`, next: [] };
}
