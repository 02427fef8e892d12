import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmdirSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface SmallDisk {
  dir: string;
  /** Fill the file system to the last byte (a file `.fill` in it); returns its size. */
  fill(): number;
  /** Free the space fill() took. */
  unfill(): void;
  /** Remount read-only (true) or read-write (false). */
  readonly(on: boolean): void;
  /** Free blocks left. */
  free(): number;
  unmount(): void;
}

/**
 * A small real file system (tmpfs, root only): a full disk or a read-only one on demand. Mounted at
 * `at` (created if needed) or at a fresh temp folder. Missing privileges fail, never skip.
 */
export function smallDisk(sizeKb: number, at?: string): SmallDisk {
  const dir = at ?? mkdtempSync(path.join(tmpdir(), 'io-trace-disk-'));
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0755`, 'tmpfs', dir]);
  const fillFile = path.join(dir, '.fill');
  return {
    dir,
    fill() {
      const fd = openSync(fillFile, 'a');
      const chunk = Buffer.alloc(4096);
      let n = 0;
      try {
        for (;;) n += writeSync(fd, chunk);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
      } finally {
        closeSync(fd);
      }
      return n;
    },
    unfill: () => rmSync(fillFile, { force: true }),
    readonly: (on) => void execFileSync('mount', ['-o', `remount,${on ? 'ro' : 'rw'}`, dir]),
    free: () => statfsSync(dir).bavail,
    unmount() {
      execFileSync('umount', ['-l', dir]);
      if (!at) rmdirSync(dir);
    },
  };
}
