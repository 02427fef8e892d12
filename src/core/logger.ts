/** The only way library code talks to a person. The CLI prints; the action maps to @actions/core. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};

/** A logger that writes to stderr, so stdout stays the build's (or a report's). */
export function stderrLogger(verbose = false): Logger {
  const write = (prefix: string, m: string) => process.stderr.write(`${prefix}${m}\n`);
  return {
    debug: (m) => {
      if (verbose) write('io-trace [debug] ', m);
    },
    info: (m) => write('io-trace: ', m),
    warn: (m) => write('io-trace warning: ', m),
    error: (m) => write('io-trace error: ', m),
  };
}
