import type { Tracer, TracerSession } from './types.js';

/** Runs the build without tracing: the run is reported "not-traced", never clean. */
export class NoneTracer implements Tracer {
  readonly name = 'none' as const;
  async check() {
    return { available: true, version: '-' };
  }
  attach(): TracerSession {
    return {
      ready: Promise.resolve(),
      finish: async () => ({ lostEvents: 0, incompleteReasons: [], eventCount: 0, diagnostics: [] }),
    };
  }
}
