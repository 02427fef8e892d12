import type { Tracer } from './types.js';

/** The tracer backends, best first: `--tracer auto` takes the first one available. */
export function defaultTracers(): Tracer[] {
  return [];
}
