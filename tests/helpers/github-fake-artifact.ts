import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { inflateRawSync } from 'node:zlib';

/**
 * A loopback artifact backend speaking what @actions/artifact 6 speaks: Twirp JSON
 * (`ArtifactService/CreateArtifact` returns a signed upload URL, `FinalizeArtifact` checks size and
 * hash) and Azure block blob uploads to that URL (`PUT ?comp=block&blockid=`, then `PUT
 * ?comp=blocklist` with the XML block list, or one plain `PUT`). Uploaded bytes are kept, and served back
 * the way downloads ask for them: `ListArtifacts` (optionally by name or id), `GetSignedArtifactURL`, then a
 * plain blob `GET` of the zip.
 */

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/';

export interface StoredArtifact {
  name: string;
  create: Record<string, unknown>;
  finalize: Record<string, unknown> | null;
  bytes: Buffer | null;
  id: number;
  /** The job that uploaded it (workflow_job_run_backend_id of its CreateArtifact). */
  jobBackendId: string;
  createdAt: Date;
}

export interface ArtifactFake {
  url: string;
  /** The ACTIONS_RUNTIME_TOKEN to give the action: an unsigned JWT whose scp names the run and job. */
  token: string;
  /** A runtime token for another job of the same workflow run (a matrix leg, the aggregating job). */
  tokenForJob(jobBackendId: string): string;
  artifacts: StoredArtifact[];
  requests: { method: string; path: string; status: number }[];
  /** Make uploads fail (every blob PUT answers 500 / CreateArtifact answers this status). */
  failWith: number | null;
  close(): Promise<void>;
}

export const RUN_BACKEND_ID = 'b9e28b3f-7d3c-4e5e-9a0a-3b4f6a1c2d3e';
export const JOB_BACKEND_ID = 'c0ffee00-1111-4222-8333-444455556666';

function b64url(s: string): string {
  return Buffer.from(s).toString('base64url');
}

export function unsignedJwt(claims: Record<string, unknown>): string {
  return `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}.`;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function startArtifactFake(): Promise<ArtifactFake> {
  const artifacts: StoredArtifact[] = [];
  const requests: ArtifactFake['requests'] = [];
  const blocks = new Map<string, Map<string, Buffer>>();
  let url = '';
  let nextId = 7000;
  const jobs = new Set([JOB_BACKEND_ID]);
  const tokenForJob = (job: string) => {
    jobs.add(job);
    return unsignedJwt({ scp: `Actions.ExampleScope Actions.Results:${RUN_BACKEND_ID}:${job}`, exp: Math.floor(Date.now() / 1000) + 3600 });
  };
  const fake: ArtifactFake = {
    url: '',
    token: tokenForJob(JOB_BACKEND_ID),
    tokenForJob,
    artifacts,
    requests,
    failWith: null,
    close: async () => {},
  };
  const server: Server = createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const body = await readBody(req);
    const rec = { method: req.method ?? '', path: u.pathname, status: 0 };
    requests.push(rec);
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      rec.status = status;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(data === undefined ? undefined : JSON.stringify(data));
    };
    if (req.method === 'POST' && u.pathname.startsWith(SERVICE)) {
      const method = u.pathname.slice(SERVICE.length);
      const msg = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      if (msg.workflow_run_backend_id !== RUN_BACKEND_ID || !jobs.has(String(msg.workflow_job_run_backend_id))) {
        return send(400, { code: 'invalid_argument', msg: 'backend ids do not match the runtime token' });
      }
      if (!String(req.headers.authorization ?? '').startsWith('Bearer ')) return send(401, { code: 'unauthenticated', msg: 'no token' });
      if (method === 'CreateArtifact') {
        if (fake.failWith) return send(fake.failWith, { code: 'internal', msg: 'the fake was told to fail' });
        if (artifacts.some((a) => a.name === msg.name)) return send(409, { code: 'already_exists', msg: `an artifact named ${msg.name} exists` });
        const a: StoredArtifact = { name: String(msg.name), create: msg, finalize: null, bytes: null, id: nextId++, jobBackendId: String(msg.workflow_job_run_backend_id), createdAt: new Date() };
        artifacts.push(a);
        return send(200, { ok: true, signed_upload_url: `${url}/blob/${a.id}/${encodeURIComponent(a.name)}.zip?sig=fake-signature&se=2099-01-01` });
      }
      if (method === 'FinalizeArtifact') {
        const a = artifacts.find((x) => x.name === msg.name);
        if (!a || !a.bytes) return send(404, { code: 'not_found', msg: 'no upload for this artifact' });
        if (String(msg.size) !== String(a.bytes.length)) return send(400, { code: 'invalid_argument', msg: `size ${msg.size} != ${a.bytes.length}` });
        const hash = (msg.hash as string | undefined) ?? '';
        if (hash && hash !== `sha256:${createHash('sha256').update(a.bytes).digest('hex')}`) return send(400, { code: 'invalid_argument', msg: 'hash mismatch' });
        a.finalize = msg;
        return send(200, { ok: true, artifact_id: String(a.id) });
      }
      if (method === 'ListArtifacts') {
        // Every finalized artifact of the run (any job), filtered like the service: name_filter and
        // id_filter are protobuf wrappers, so JSON carries them as a plain string.
        const listed = artifacts.filter(
          (a) => a.finalize && (msg.name_filter === undefined || msg.name_filter === a.name) && (msg.id_filter === undefined || String(msg.id_filter) === String(a.id)),
        );
        return send(200, {
          artifacts: listed.map((a) => ({
            workflow_run_backend_id: RUN_BACKEND_ID,
            workflow_job_run_backend_id: a.jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.bytes!.length),
            created_at: a.createdAt.toISOString(),
            digest: `sha256:${createHash('sha256').update(a.bytes!).digest('hex')}`,
          })),
        });
      }
      if (method === 'GetSignedArtifactURL') {
        // Names the artifact by the job that uploaded it, as ListArtifacts returned it.
        const a = artifacts.find((x) => x.finalize && x.name === msg.name && x.jobBackendId === msg.workflow_job_run_backend_id);
        if (!a) return send(404, { code: 'not_found', msg: `no artifact ${msg.name} from job ${msg.workflow_job_run_backend_id}` });
        return send(200, { signed_url: `${url}/blob/${a.id}/${encodeURIComponent(a.name)}.zip?sig=fake-signature&se=2099-01-01&sp=r` });
      }
      return send(404, { code: 'bad_route', msg: method });
    }
    const blob = u.pathname.match(/^\/blob\/(\d+)\//);
    if (req.method === 'GET' && blob) {
      if (u.searchParams.get('sig') !== 'fake-signature') return send(403, { code: 'AuthenticationFailed' });
      const a = artifacts.find((x) => x.id === Number(blob[1]));
      if (!a?.bytes || !a.finalize) return send(404, { code: 'BlobNotFound' });
      rec.status = 200;
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(a.bytes.length), 'x-ms-blob-type': 'BlockBlob' });
      return res.end(a.bytes);
    }
    if (req.method === 'PUT' && blob) {
      if (u.searchParams.get('sig') !== 'fake-signature') return send(403, { code: 'AuthenticationFailed' });
      if (fake.failWith) return send(500, { code: 'InternalError' });
      const a = artifacts.find((x) => x.id === Number(blob[1]));
      if (!a) return send(404, { code: 'BlobNotFound' });
      const comp = u.searchParams.get('comp');
      const azureHeaders = { etag: '"0x8D"', 'last-modified': new Date().toUTCString(), 'x-ms-request-id': String(Date.now()), 'x-ms-version': '2024-11-04' };
      if (comp === 'block') {
        const id = u.searchParams.get('blockid') ?? '';
        if (!blocks.has(blob[1])) blocks.set(blob[1], new Map());
        blocks.get(blob[1])!.set(id, body);
        rec.status = 201;
        res.writeHead(201, azureHeaders);
        return res.end();
      }
      if (comp === 'blocklist') {
        const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((x) => x[1]);
        const have = blocks.get(blob[1]) ?? new Map<string, Buffer>();
        if (ids.some((id) => !have.has(id))) return send(400, { code: 'InvalidBlockList' });
        a.bytes = Buffer.concat(ids.map((id) => have.get(id)!));
        rec.status = 201;
        res.writeHead(201, azureHeaders);
        return res.end();
      }
      if (req.headers['x-ms-blob-type'] !== 'BlockBlob') return send(400, { code: 'MissingRequiredHeader' });
      a.bytes = body;
      rec.status = 201;
      res.writeHead(201, azureHeaders);
      return res.end();
    }
    return send(404, { code: 'not_found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  fake.url = url;
  fake.close = () => new Promise((r) => server.close(() => r()));
  return fake;
}

/** The files of a zip archive (stored or deflated entries; what archiver writes for small artifacts). */
export function unzip(zip: Buffer): Map<string, Buffer> {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    const method = zip.readUInt16LE(p + 10);
    const compSize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compSize);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}
