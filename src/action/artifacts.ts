import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { DefaultArtifactClient } from '@actions/artifact';

/** What the main step tells the post step to upload (saved with core.saveState before the build runs). */
export interface ArtifactPlan {
  name: string;
  retentionDays: number | null;
  outDir: string;
  /** Files to upload, by name in the artifact. Missing ones are skipped (a build cancelled early). */
  files: { name: string; path: string; kind: 'log' | 'db' | 'report' }[];
}

export interface UploadResult {
  id: number | null;
  size: number | null;
  uploaded: string[];
}

/**
 * A stream that replaces each secret with `***` (logs), or with as many `*` as it has bytes (`sameLength`,
 * for the SQLite file, whose page layout must not move). Works on bytes (latin1 1:1), keeps the last
 * (longest secret - 1) bytes back so a secret split across chunks is still found.
 */
export function redactor(secrets: readonly string[], sameLength = false): Transform {
  const keys = [...new Set(secrets.filter((s) => s.length > 0))].map((s) => Buffer.from(s, 'utf8').toString('latin1')).sort((a, b) => b.length - a.length);
  const keep = Math.max(0, ...keys.map((k) => k.length)) - 1;
  let carry = '';
  const scrub = (s: string) => keys.reduce((acc, k) => acc.split(k).join(sameLength ? '*'.repeat(k.length) : '***'), s);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (!keys.length) return done(null, chunk);
      const text = scrub(carry + chunk.toString('latin1'));
      const cut = Math.max(0, text.length - keep);
      carry = text.slice(cut);
      done(null, Buffer.from(text.slice(0, cut), 'latin1'));
    },
    flush(done) {
      done(null, carry ? Buffer.from(scrub(carry), 'latin1') : undefined);
    },
  });
}

/** Copy `src` to `dst` with secrets removed. */
export async function redactFile(src: string, dst: string, secrets: readonly string[], sameLength = false): Promise<void> {
  await pipeline(createReadStream(src), redactor(secrets, sameLength), createWriteStream(dst));
}

/**
 * Stage redacted copies of what the plan names (the originals stay untouched for the local triage
 * commands) and upload them as one artifact. Throws on upload failure; the caller makes it a warning.
 */
export async function uploadEvidence(plan: ArtifactPlan, secrets: readonly string[], client = new DefaultArtifactClient()): Promise<UploadResult> {
  const stage = path.join(plan.outDir, 'artifact');
  mkdirSync(stage, { recursive: true });
  const staged: string[] = [];
  for (const f of plan.files) {
    if (!existsSync(f.path) || !statSync(f.path).isFile()) continue;
    const dst = path.join(stage, f.name);
    await redactFile(f.path, dst, secrets, f.kind === 'db');
    staged.push(dst);
  }
  if (!staged.length) return { id: null, size: null, uploaded: [] };
  const r = await client.uploadArtifact(plan.name, staged, stage, plan.retentionDays ? { retentionDays: plan.retentionDays } : {});
  return { id: r.id ?? null, size: r.size ?? null, uploaded: staged.map((s) => path.basename(s)) };
}
