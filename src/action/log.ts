import * as core from '@actions/core';
import type { Logger } from '../core/logger.js';
import { displayPath } from '../report/text.js';

/**
 * A line of io-trace's own text for the log, made inert: control characters (a newline followed by
 * `::set-output::`) are shown escaped, and a line never starts with `::`.
 */
export function safeLine(message: string): string {
  const s = displayPath(message);
  return s.startsWith('::') ? ` ${s}` : s;
}

/** The library's Logger on top of @actions/core (warnings/errors become annotations; core escapes their data). */
export function actionLogger(): Logger {
  return {
    debug: (m) => core.debug(m),
    info: (m) => core.info(safeLine(m)),
    warn: (m) => core.warning(m),
    error: (m) => core.error(m),
  };
}
