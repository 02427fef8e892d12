/**
 * Typed errors. Modules throw these; only the CLI entry maps them to exit codes, only the action entry
 * calls setFailed. Messages name the value and the fix.
 */
export class IoTraceError extends Error {
  override name = 'IoTraceError';
}

/** The user's mistake: bad plan, bad config, bad flag. CLI exit code 2. */
export class ConfigurationError extends IoTraceError {
  override name = 'ConfigurationError';
}

/** A tracer could not be started or failed while running. */
export class TracerError extends IoTraceError {
  override name = 'TracerError';
}

/** The trace database is missing, damaged, or from an unknown schema version. */
export class StoreError extends IoTraceError {
  override name = 'StoreError';
}
