import { closeSync, openSync, readSync } from 'node:fs';
import { StoreError } from '../core/errors.js';
import type { RunFile } from './run-files.js';

export interface ByteSink {
  write(chunk: Uint8Array): boolean;
  once?(event: 'drain', fn: () => void): unknown;
}

/** Copy a run's log to `out` byte for byte, in chunks, waiting when the pipe is full (`| jq`, `| less`). */
export async function copyRaw(file: RunFile, runId: number, dbFile: string, out: ByteSink): Promise<void> {
  if (file.path === null) throw new StoreError(`run ${runId} in ${dbFile} recorded no ${file.which} file`);
  if (!file.exists) {
    const fix = file.stored && !file.stored.startsWith('runs/') ? `it is recorded as ${file.stored}, relative to the folder of ${dbFile}: put the file there` : `it is stored relative to ${dbFile}; copy the runs/ folder beside the database`;
    throw new StoreError(`the ${file.which} of run ${runId} is missing: ${file.path} (${fix})`);
  }
  const fd = openSync(file.path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      const ok = out.write(Buffer.from(buf.subarray(0, n)));
      if (!ok && out.once) await new Promise<void>((resolve) => out.once!('drain', resolve));
    }
  } finally {
    closeSync(fd);
  }
}
