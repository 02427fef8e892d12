import { createWriteStream, type WriteStream } from 'node:fs';
import type { Readable } from 'node:stream';

export interface OutputFiles {
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved in arrival order. */
  transcript: string;
}

export interface EchoTargets {
  stdout(chunk: Buffer): void;
  stderr(chunk: Buffer): void;
}

/**
 * Streams the build's output live (echo) and saves it to files as it arrives, so huge output never
 * sits in memory and a killed run keeps what was printed. Bytes are copied unchanged.
 *
 * Saving is an extra: a log that cannot be written (full disk, read-only folder, or `files` null when
 * there is nowhere to save) never stops the build or its echo. With no echo (--quiet), output that
 * cannot be saved goes to `fallback` instead of nowhere.
 */
export class OutputCapture {
  private readonly files: Record<keyof OutputFiles, WriteStream> | null;
  /** `<transcript>.times`: "OFFSET TIME_MS" per chunk, so transcript lines get arrival times (src/transcript). */
  private readonly times: WriteStream | null;
  private transcriptBytes = 0;
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
      transcript: createWriteStream(paths.transcript),
    };
    this.times = createWriteStream(`${paths.transcript}.times`);
    for (const f of [...Object.values(this.files), this.times]) {
      // A full disk must not kill the build: note the first failure, keep echoing.
      f.on('error', (error: NodeJS.ErrnoException) => (this.saveError ??= { file: String(f.path), error }));
    }
  }

  attach(stream: Readable | null, which: 'stdout' | 'stderr'): void {
    if (!stream) return;
    this.pending.push(
      new Promise<void>((resolve) => {
        stream.on('data', (chunk: Buffer) => {
          this.bytes[which] += chunk.length;
          if (this.files && this.times) {
            this.files[which].write(chunk);
            this.times.write(`${this.transcriptBytes} ${Date.now()}\n`);
            this.transcriptBytes += chunk.length;
            this.files.transcript.write(chunk);
          }
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
    const streams = this.files && this.times ? [...Object.values(this.files), this.times] : [];
    await Promise.all(streams.map((f) => new Promise<void>((r) => (f.destroyed ? r() : f.end(() => r())))));
  }
}
