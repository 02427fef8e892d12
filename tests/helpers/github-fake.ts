import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO } from './cli.js';

/**
 * A loopback GitHub REST API for the action's tests: every request body is validated against the
 * operation's schema in @octokit/openapi (api.github.com, OpenAPI 3.0) with ajv, and every call is
 * recorded. It keeps the state a test needs (check runs, PR comments) and can refuse writes with
 * 403 the way GitHub does for a fork PR's read-only token.
 */

const require = createRequire(import.meta.url);
type Json = Record<string, unknown>;
type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };

interface Operation {
  method: string;
  template: string;
  re: RegExp;
  operationId: string;
  validate: Validate | null;
}

let operations: Operation[] | undefined;

/** OpenAPI 3.0 `nullable` as JSON Schema (ajv has no such keyword). */
function toJsonSchema(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(toJsonSchema);
  if (!s || typeof s !== 'object') return s;
  const out: Json = {};
  for (const [k, v] of Object.entries(s as Json)) {
    if (k === 'example' || k === 'examples' || k === 'nullable' || k.startsWith('x-')) continue;
    out[k] = toJsonSchema(v);
  }
  const o = s as Json;
  if (o.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return out;
}

function loadOperations(): Operation[] {
  if (operations) return operations;
  const spec = require(path.join(REPO, 'node_modules/@octokit/openapi/generated/api.github.com.json')) as { paths: Record<string, Record<string, Json>> };
  const AjvCtor = require('ajv') as new (o: object) => { compile(s: unknown): Validate };
  const addFormats = require('ajv-formats') as (a: unknown) => void;
  const ajv = new AjvCtor({ strict: false, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  operations = [];
  for (const [template, methods] of Object.entries(spec.paths)) {
    const re = new RegExp('^' + template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '([^/]+)') + '$');
    for (const [method, op] of Object.entries(methods)) {
      if (!op || typeof op !== 'object' || !('operationId' in op)) continue;
      const body = (op.requestBody as Json | undefined)?.content as Record<string, { schema?: unknown }> | undefined;
      const schema = body?.['application/json']?.schema;
      let validate: Validate | null = null;
      // Compiled lazily: the spec has ~1000 operations and a test touches five.
      let compiled = false;
      const lazy = ((data: unknown) => {
        if (!compiled) {
          validate = schema ? ajv.compile(toJsonSchema(schema)) : null;
          compiled = true;
        }
        if (!validate) return true;
        const ok = validate(data);
        lazy.errors = validate.errors ?? null;
        return ok;
      }) as Validate;
      operations.push({ method: method.toUpperCase(), template, re, operationId: op.operationId as string, validate: lazy });
    }
  }
  // Literal segments beat templated ones (/issues/comments/{id} vs /issues/{number}/comments).
  operations.sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  return operations;
}

export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  operationId: string | null;
  body: unknown;
  status: number;
  /** Schema errors, when the body did not match the operation's request schema. */
  invalid: unknown[] | null;
  authorization: string | undefined;
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
}

export interface GitHubFakeOptions {
  /** Refuse check run writes with this status (403: a fork PR's read-only token). */
  checksStatus?: number;
  commentsStatus?: number;
  /** Comments already on the PR. */
  comments?: FakeComment[];
}

export interface GitHubFake {
  url: string;
  calls: RecordedCall[];
  checkRuns: Map<number, Json & { annotations: Json[] }>;
  comments: FakeComment[];
  /** Calls that no operation of the spec matches, or whose body failed the schema. */
  problems(): RecordedCall[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startGitHubFake(options: GitHubFakeOptions = {}): Promise<GitHubFake> {
  const ops = loadOperations();
  const calls: RecordedCall[] = [];
  const checkRuns = new Map<number, Json & { annotations: Json[] }>();
  const comments: FakeComment[] = [...(options.comments ?? [])];
  let nextId = 1000;
  let url = '';

  const server: Server = createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const text = await readBody(req);
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const op = ops.find((o) => o.method === req.method && o.re.test(u.pathname));
    const call: RecordedCall = {
      method: req.method ?? '',
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      operationId: op?.operationId ?? null,
      body,
      status: 0,
      invalid: null,
      authorization: req.headers.authorization,
    };
    calls.push(call);
    const send = (status: number, data: unknown) => {
      call.status = status;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(data));
    };
    if (!op) return send(404, { message: 'Not Found (no such operation in the OpenAPI description)' });
    if (op.validate && body !== undefined && !op.validate(body)) {
      call.invalid = op.validate.errors ?? ['invalid'];
      return send(422, { message: 'Validation Failed', errors: call.invalid });
    }
    const m = u.pathname.match(op.re)!;
    const [owner, repo] = [m[1], m[2]];
    const b = (body ?? {}) as Json;
    switch (op.operationId) {
      case 'checks/create': {
        if (options.checksStatus) return send(options.checksStatus, { message: 'Resource not accessible by integration' });
        const id = nextId++;
        const output = (b.output ?? {}) as Json;
        checkRuns.set(id, { ...b, id, annotations: [...((output.annotations as Json[]) ?? [])] });
        return send(201, { id, head_sha: b.head_sha, name: b.name, status: b.status, conclusion: b.conclusion, html_url: `${url}/${owner}/${repo}/runs/${id}`, url: `${url}/repos/${owner}/${repo}/check-runs/${id}` });
      }
      case 'checks/update': {
        if (options.checksStatus) return send(options.checksStatus, { message: 'Resource not accessible by integration' });
        const run = checkRuns.get(Number(m[3]));
        if (!run) return send(404, { message: 'Not Found' });
        const output = (b.output ?? {}) as Json;
        run.annotations.push(...((output.annotations as Json[]) ?? []));
        Object.assign(run, { ...b, annotations: run.annotations });
        return send(200, { id: run.id, html_url: `${url}/${owner}/${repo}/runs/${run.id}` });
      }
      case 'issues/list-comments': {
        const per = Number(u.searchParams.get('per_page') ?? 30);
        const page = Number(u.searchParams.get('page') ?? 1);
        const slice = comments.slice((page - 1) * per, page * per);
        const last = Math.max(1, Math.ceil(comments.length / per));
        const link = page < last ? `<${url}${u.pathname}?per_page=${per}&page=${page + 1}>; rel="next", <${url}${u.pathname}?per_page=${per}&page=${last}>; rel="last"` : '';
        call.status = 200;
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...(link ? { link } : {}) });
        return res.end(JSON.stringify(slice.map((c) => ({ ...c, html_url: `${url}/c/${c.id}` }))));
      }
      case 'issues/create-comment': {
        if (options.commentsStatus) return send(options.commentsStatus, { message: 'Resource not accessible by integration' });
        const c = { id: nextId++, body: String(b.body), user: { login: 'github-actions[bot]', type: 'Bot' } };
        comments.push(c);
        return send(201, { ...c, html_url: `${url}/c/${c.id}` });
      }
      case 'issues/update-comment': {
        if (options.commentsStatus) return send(options.commentsStatus, { message: 'Resource not accessible by integration' });
        const c = comments.find((x) => x.id === Number(m[3]));
        if (!c) return send(404, { message: 'Not Found' });
        c.body = String(b.body);
        return send(200, { ...c, html_url: `${url}/c/${c.id}` });
      }
      default:
        return send(501, { message: `the fake does not implement ${op.operationId}` });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address() as { port: number };
  url = `http://127.0.0.1:${addr.port}`;
  return {
    url,
    calls,
    checkRuns,
    comments,
    problems: () => calls.filter((c) => c.operationId === null || c.invalid !== null || c.status === 501),
    close: () => new Promise((r) => server.close(() => r())),
  };
}
