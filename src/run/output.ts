import { createWriteStream, statSync, type WriteStream } from 'node:fs';
import type { Readable } from 'node:stream';

export interface OutputFiles {
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved in arrival order (`io-trace log`). */
  log: string;
}

export interface EchoTargets {
  stdout(chunk: Buffer): void;
  stderr(chunk: Buffer): void;
}

/** `<file>.times`: the timing index of a captured file ("OFFSET TIME_MS" per chunk, see src/transcript). */
export function timesPathOf(file: string): string {
  return `${file}.times`;
}

/**
 * Streams the build's output live (echo) and saves it to files as it arrives, so huge output never
 * sits in memory and a killed run keeps what was printed. Bytes are copied unchanged. The interleaved
 * log and stdout each get a timing index: stdout is the agent's transcript when it is JSONL, and its
 * lines' arrival times are what tie tool calls to the processes and file accesses they caused.
 *
 * Saving is an extra: a log that cannot be written (full disk, read-only folder, or `paths` null when
 * there is nowhere to save) never stops the build or its echo. With no echo (--quiet), output that
 * cannot be saved goes to `fallback` instead of nowhere.
 */
export class OutputCapture {
  private readonly files: Record<keyof OutputFiles, WriteStream> | null;
  private readonly times: { log: WriteStream; stdout: WriteStream } | null;
  private logBytes = 0;
  private readonly pending: Promise<void>[] = [];
  private readonly echo: EchoTargets | null;
  bytes = { stdout: 0, stderr: 0 };
  /** The first log write that failed, with its file. */
  saveError: { file: string; error: NodeJS.ErrnoException } | undefined;

  constructor(paths: OutputFiles | null, echo: EchoTargets | null, private readonly fallback: EchoTargets | null = null) {
    this.echo = echo ?? (paths === null ? fallback : null);
    if (paths === null) {
      this.files = null;
      this.times = null;
      return;
    }
    this.files = {
      stdout: createWriteStream(paths.stdout),
      stderr: createWriteStream(paths.stderr),
      log: createWriteStream(paths.log),
    };
    this.times = { log: createWriteStream(timesPathOf(paths.log)), stdout: createWriteStream(timesPathOf(paths.stdout)) };
    for (const f of this.streams()) {
      // A full disk must not kill the build: note the first failure, keep echoing.
      f.on('error', (error: NodeJS.ErrnoException) => (this.saveError ??= { file: String(f.path), error }));
    }
  }

  private streams(): WriteStream[] {
    return this.files && this.times ? [...Object.values(this.files), ...Object.values(this.times)] : [];
  }

  attach(stream: Readable | null, which: 'stdout' | 'stderr'): void {
    if (!stream) return;
    this.pending.push(
      new Promise<void>((resolve) => {
        stream.on('data', (chunk: Buffer) => {
          const now = Date.now();
          if (this.files && this.times) {
            if (which === 'stdout') this.times.stdout.write(`${this.bytes.stdout} ${now}\n`);
            this.files[which].write(chunk);
            this.times.log.write(`${this.logBytes} ${now}\n`);
            this.logBytes += chunk.length;
            this.files.log.write(chunk);
          }
          this.bytes[which] += chunk.length;
          const echo = this.echo ?? (this.saveError ? this.fallback : null);
          echo?.[which](chunk);
        });
        stream.once('end', resolve);
        stream.once('error', () => resolve());
        stream.once('close', resolve);
      }),
    );
  }

  /** Wait for the streams to end (or at most `timeoutMs`: a daemon may hold a pipe open), then close the files. */
  async close(timeoutMs = 2000): Promise<void> {
    await Promise.race([Promise.all(this.pending), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    await Promise.all(this.streams().map((f) => new Promise<void>((r) => (f.destroyed ? r() : f.end(() => r())))));
  }
}

/**
 * Timing index for a transcript file another program writes (`run --transcript FILE`): its size is
 * polled, and each growth recorded as "OFFSET TIME_MS" (the time is when the poll saw it: at most
 * `intervalMs` late). A file that shrinks (rewritten) restarts the offsets.
 */
export class FileGrowthWatcher {
  private size = 0;
  private readonly out: WriteStream;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly file: string, timesFile: string, intervalMs = 50) {
    this.out = createWriteStream(timesFile);
    this.out.on('error', () => {});
    this.timer = setInterval(() => this.poll(), intervalMs);
    this.timer.unref();
  }

  poll(): void {
    let now: number;
    try {
      now = statSync(this.file).size;
    } catch {
      return; // not created yet
    }
    if (now < this.size) this.size = 0;
    if (now > this.size) {
      this.out.write(`${this.size} ${Date.now()}\n`);
      this.size = now;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.poll();
    await new Promise<void>((r) => this.out.end(() => r()));
  }
}
