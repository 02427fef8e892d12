import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeDirectory } from '../store/write-errors.js';

/** What io-trace writes into a directory it creates, so that nothing of it shows in `git status` (as pytest does for its cache). */
export const OUTPUT_DIR_GITIGNORE = '# Created by io-trace: its database and logs are not part of the repository.\n*\n';

/**
 * Creates io-trace's output directory (and the database's, when that is elsewhere). A directory io-trace
 * creates gets a `.gitignore` of `*`, and so does an existing `.io-trace/` without one (made by an older
 * io-trace). Any other existing directory (the workspace root with `--db trace.db`) is left alone.
 */
export function ensureOutputDir(dir: string): void {
  const created = !existsSync(dir);
  makeDirectory(dir); // throws the file system's own reason (EROFS, not ENOENT)
  const ignore = path.join(dir, '.gitignore');
  if (existsSync(ignore)) return;
  if (created || path.basename(dir) === '.io-trace') {
    try {
      writeFileSync(ignore, OUTPUT_DIR_GITIGNORE, { flag: 'wx' });
    } catch {
      // Another run wrote it first, or the directory is read-only: neither stops the build.
    }
  }
}
