/** io-trace's version, stamped into runs and reports. Kept in step with package.json by a test. */
export const IO_TRACE_VERSION = '0.1.0';
