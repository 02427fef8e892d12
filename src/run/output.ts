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
 */
export class OutputCapture {
  private readonly files: Record<keyof OutputFiles, WriteStream>;
  /** `<transcript>.times`: "OFFSET TIME_MS" per chunk, so transcript lines get arrival times (src/transcript). */
  private readonly times: WriteStream;
  private transcriptBytes = 0;
  private readonly pending: Promise<void>[] = [];
  bytes = { stdout: 0, stderr: 0 };

  constructor(paths: OutputFiles, private readonly echo: EchoTargets | null) {
    this.files = {
      stdout: createWriteStream(paths.stdout),
      stderr: createWriteStream(paths.stderr),
      transcript: createWriteStream(paths.transcript),
    };
    this.times = createWriteStream(`${paths.transcript}.times`);
    for (const f of [...Object.values(this.files), this.times]) f.on('error', () => {}); // a full disk must not kill the build
  }

  attach(stream: Readable | null, which: 'stdout' | 'stderr'): void {
    if (!stream) return;
    this.pending.push(
      new Promise<void>((resolve) => {
        stream.on('data', (chunk: Buffer) => {
          this.bytes[which] += chunk.length;
          this.files[which].write(chunk);
          this.times.write(`${this.transcriptBytes} ${Date.now()}\n`);
          this.transcriptBytes += chunk.length;
          this.files.transcript.write(chunk);
          this.echo?.[which](chunk);
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
    await Promise.all([...Object.values(this.files), this.times].map((f) => new Promise<void>((r) => f.end(() => r()))));
  }
}
