import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Tests run the bundled dist/ (as users and the action do), so build it first. CI separately checks
 * that the committed dist/ equals a clean rebuild.
 */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-dist.mjs'], { cwd: path.resolve(import.meta.dirname, '..'), stdio: 'inherit' });
}
