import { createRequire } from 'node:module';

/**
 * The little of SQLite the store needs, over two drivers: Node's built-in `node:sqlite` (Node >= 22.13
 * and 24, which GitHub runners use for actions: no native addon to ship) and better-sqlite3 (Node 20).
 * `IO_TRACE_SQLITE_DRIVER=node|better-sqlite3` forces one (tests, benchmarks).
 */
export interface SqlStatement {
  run(...params: unknown[]): { lastInsertRowid: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  /** Rows one at a time, for results too large to hold as one array. */
  iterate(...params: unknown[]): IterableIterator<unknown>;
  /** Rows as arrays of column values (no per-row object: a fifth less CPU over millions of rows). */
  iterateArrays(...params: unknown[]): IterableIterator<unknown[]>;
}

export interface SqlDatabase {
  readonly driver: 'node:sqlite' | 'better-sqlite3';
  exec(sql: string): void;
  prepare(sql: string): SqlStatement;
  /** Run fn in one transaction (rolled back if it throws). */
  transaction<T>(fn: () => T): T;
  /** Value of the first column of `PRAGMA <pragma>` (e.g. "user_version", "journal_mode = WAL"). */
  pragma(pragma: string): unknown;
  readonly isOpen: boolean;
  close(): void;
}

export interface OpenOptions {
  readonly?: boolean;
  mustExist?: boolean;
}

/** The part of node:sqlite used here (typed locally: @types/node 20 does not know the module). */
interface NodeSqlite {
  DatabaseSync: new (file: string, options?: { readOnly?: boolean }) => {
    exec(sql: string): void;
    prepare(sql: string): {
      run(...p: unknown[]): { lastInsertRowid: number | bigint; changes: number | bigint };
      get(...p: unknown[]): unknown;
      all(...p: unknown[]): unknown[];
      iterate(...p: unknown[]): IterableIterator<unknown>;
      setReturnArrays?(enabled: boolean): void;
    };
    readonly isOpen: boolean;
    close(): void;
  };
}
type BetterSqlite = typeof import('better-sqlite3');

const require = createRequire(import.meta.url);
let nodeSqlite: NodeSqlite | null | undefined;
let betterSqlite: BetterSqlite | null | undefined;

function loadNodeSqlite(): NodeSqlite | null {
  if (nodeSqlite === undefined) {
    try {
      nodeSqlite = require('node:sqlite') as NodeSqlite;
    } catch {
      nodeSqlite = null; // Node 20, or 22 before 22.13 without --experimental-sqlite
    }
  }
  return nodeSqlite;
}

function loadBetterSqlite(): BetterSqlite | null {
  if (betterSqlite === undefined) {
    try {
      betterSqlite = require('better-sqlite3') as BetterSqlite;
    } catch {
      betterSqlite = null;
    }
  }
  return betterSqlite;
}

export function openDatabase(file: string, options: OpenOptions = {}): SqlDatabase {
  const forced = process.env.IO_TRACE_SQLITE_DRIVER;
  if (forced !== 'better-sqlite3') {
    const ns = loadNodeSqlite();
    if (ns) return openNode(ns, file, options);
    if (forced === 'node') throw new Error('IO_TRACE_SQLITE_DRIVER=node, but this Node has no node:sqlite (needs Node >= 22.13)');
  }
  const bs = loadBetterSqlite();
  if (bs) return openBetter(bs, file, options);
  throw new Error(`no SQLite driver: this is Node ${process.version} without node:sqlite, and better-sqlite3 is not installed (npm install better-sqlite3)`);
}

function openNode(ns: NodeSqlite, file: string, options: OpenOptions): SqlDatabase {
  if (options.mustExist) {
    // node:sqlite creates missing files even read-only; check first so a typo is not a new empty db.
    require('node:fs').accessSync(file);
  }
  const db = new ns.DatabaseSync(file, { readOnly: options.readonly ?? false });
  let depth = 0;
  return {
    driver: 'node:sqlite',
    exec: (sql) => db.exec(sql),
    prepare(sql) {
      const st = db.prepare(sql);
      return {
        run: (...p) => ({ lastInsertRowid: Number(st.run(...p).lastInsertRowid) }),
        get: (...p) => st.get(...p),
        all: (...p) => st.all(...p),
        iterate: (...p) => st.iterate(...p),
        iterateArrays(...p) {
          if (st.setReturnArrays) {
            // A second statement: this one keeps returning objects.
            const raw = db.prepare(sql);
            raw.setReturnArrays!(true);
            return raw.iterate(...p) as IterableIterator<unknown[]>;
          }
          return (function* () {
            for (const row of st.iterate(...p)) yield Object.values(row as object);
          })();
        },
      };
    },
    transaction(fn) {
      // Nested calls join the outer transaction, as better-sqlite3's do (via savepoints there).
      if (depth > 0) return fn();
      db.exec('BEGIN');
      depth++;
      try {
        const out = fn();
        db.exec('COMMIT');
        return out;
      } catch (e) {
        // After SQLITE_FULL or an I/O error SQLite may already have rolled back: keep the real error.
        try {
          db.exec('ROLLBACK');
        } catch {
          // no transaction left to roll back
        }
        throw e;
      } finally {
        depth--;
      }
    },
    pragma(p) {
      const row = db.prepare(`PRAGMA ${p}`).get() as Record<string, unknown> | undefined;
      return row ? Object.values(row)[0] : undefined;
    },
    get isOpen() {
      return db.isOpen;
    },
    close: () => db.close(),
  };
}

function openBetter(Better: BetterSqlite, file: string, options: OpenOptions): SqlDatabase {
  const db = new Better(file, { readonly: options.readonly ?? false, fileMustExist: options.mustExist ?? false });
  return {
    driver: 'better-sqlite3',
    exec: (sql) => void db.exec(sql),
    prepare(sql) {
      const st = db.prepare(sql);
      return {
        run: (...p) => ({ lastInsertRowid: Number(st.run(...p).lastInsertRowid) }),
        get: (...p) => st.get(...p),
        all: (...p) => st.all(...p),
        iterate: (...p) => st.iterate(...p) as IterableIterator<unknown>,
        iterateArrays: (...p) => db.prepare(sql).raw(true).iterate(...p) as IterableIterator<unknown[]>,
      };
    },
    transaction: (fn) => db.transaction(fn)(),
    pragma: (p) => db.pragma(p, { simple: true }),
    get isOpen() {
      return db.open;
    },
    close: () => db.close(),
  };
}
