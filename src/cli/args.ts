import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigurationError } from '../core/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with errors turned into ConfigurationError naming the command and --help. */
export function parse<O extends Options>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new ConfigurationError(`io-trace ${command}: ${(e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, '')} (see io-trace ${command} --help)`);
  }
}

export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigurationError(`${flag} ${JSON.stringify(value)}: use one of ${allowed.join(', ')}`);
  }
  return value as T;
}
