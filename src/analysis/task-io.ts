import { READ_OPS, WRITE_OPS } from '../core/events.js';
import type { IgnoreMatcher } from '../config/ignore.js';
import type { TaskAccess } from '../store/store.js';
import type { PathKind, WorkspacePaths } from './workspace-paths.js';

/**
 * What each task read and wrote in the workspace, from its attributed accesses (attribution itself, which
 * process's I/O belongs to which task, is src/attribution/process-table.ts): failed probes, stats and
 * listings dropped, temp files (created and removed by the task) dropped, reading back what the task
 * wrote first not counted as a read, ignore rules applied.
 */
export interface TaskIO {
  /** Files read as inputs (workspace-relative). */
  read: Set<string>;
  /** Files written and still meaningful after the task (not temp). */
  written: Set<string>;
  /** Written files the task read back after writing them (generated and consumed inside the task). */
  readBack?: Set<string>;
  /** Files read by a package manager that worked for the task (`pnpm pack` whose tarball it used). */
  readByPackageManager?: Set<string>;
}

export interface CollectedIO {
  byTask: Map<string, TaskIO>;
  /** rel -> tasks that wrote it. */
  writers: Map<string, string[]>;
  /** Accesses inside the workspace by processes that belong to no task. */
  unattributedPaths: number;
}

interface PathUse {
  byPackageManager: boolean; // read by a package manager that worked for the task
  readAt: number; // first successful content read, Infinity if none
  writeAt: number; // first successful write-type op, Infinity if none
  removedAt: number; // last unlink / rename_from, -Infinity if none
  wroteContent: boolean; // write/create/truncate/rename_to/link (not just removal)
}

const NONE = Number.POSITIVE_INFINITY;

export function collectTaskIO(
  accesses: Iterable<TaskAccess>,
  taskIds: ReadonlySet<string>,
  ws: WorkspacePaths,
  ignore: IgnoreMatcher,
  kind: (rel: string) => PathKind,
): CollectedIO {
  const uses = new Map<string, Map<string, PathUse>>();
  let unattributedPaths = 0;
  for (const a of accesses) {
    if (a.errno !== 0) continue; // failed probes are recorded, not findings
    const isRead = READ_OPS.has(a.op);
    const isWrite = WRITE_OPS.has(a.op);
    if (!isRead && !isWrite) continue; // stat probes, listings, mkdir
    const rel = ws.relative(a.path);
    if (rel === null || rel === '') continue;
    if (a.taskId === null || !taskIds.has(a.taskId)) {
      unattributedPaths++;
      continue;
    }
    let perTask = uses.get(a.taskId);
    if (!perTask) uses.set(a.taskId, (perTask = new Map()));
    let u = perTask.get(rel);
    if (!u) perTask.set(rel, (u = { byPackageManager: false, readAt: NONE, writeAt: NONE, removedAt: -NONE, wroteContent: false }));
    if (isRead) u.readAt = Math.min(u.readAt, a.firstTs);
    if (isRead && a.role === 'package-manager') u.byPackageManager = true;
    if (isWrite) {
      u.writeAt = Math.min(u.writeAt, a.firstTs);
      if (a.op === 'unlink' || a.op === 'rename_from') u.removedAt = Math.max(u.removedAt, a.lastTs);
      else u.wroteContent = true;
    }
  }

  const byTask = new Map<string, TaskIO>();
  const writers = new Map<string, string[]>();
  for (const [taskId, perTask] of uses) {
    const io: TaskIO = { read: new Set(), written: new Set(), readBack: new Set(), readByPackageManager: new Set() };
    for (const [rel, u] of perTask) {
      if (u.writeAt !== NONE) {
        // Created and removed by the same task, and gone at the end: a temp file.
        const temp = u.removedAt >= u.writeAt && kind(rel) === 'missing' && (u.wroteContent || u.readAt === NONE);
        if (!temp && !ignore.ignoredWrite(taskId, rel)) {
          io.written.add(rel);
          let list = writers.get(rel);
          if (!list) writers.set(rel, (list = []));
          list.push(taskId);
        }
      }
      // Reading back what the task itself wrote first is not an input.
      if (u.readAt !== NONE && !(u.writeAt < u.readAt) && !ignore.ignoredRead(taskId, rel)) {
        io.read.add(rel);
        if (u.byPackageManager) io.readByPackageManager!.add(rel);
      }
      else if (u.readAt !== NONE && io.written.has(rel)) io.readBack!.add(rel);
    }
    byTask.set(taskId, io);
  }
  return { byTask, writers, unattributedPaths };
}
