// A minimal task runner: runs each task's build script in its package, lib before app, and marks the
// task's processes with IO_TRACE_TASK so io-trace can tell the tasks apart.
import { execFileSync } from 'node:child_process';

for (const [task, dir] of [['lib:build', 'packages/lib'], ['app:build', 'packages/app']]) {
  console.log(`> ${task}`);
  execFileSync(process.execPath, ['build.mjs'], { cwd: dir, stdio: 'inherit', env: { ...process.env, IO_TRACE_TASK: task } });
}
