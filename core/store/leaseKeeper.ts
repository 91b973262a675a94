import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** What the keeper thread is started with: plain data, nothing that needs a module. */
interface KeeperData {
  /** Absolute path of better-sqlite3 (the eval'd worker has no module context to resolve it). */
  sqlitePath: string;
  pragmas: string[];
  owner: string;
  ttlMs: number;
  renewMs: number;
}

type KeeperMessage = { kind: 'watch'; file: string } | { kind: 'unwatch'; file: string };

interface KeeperEnv {
  require: (id: string) => unknown;
  data: KeeperData;
  port: { on(event: 'message', fn: (m: KeeperMessage) => void): void };
}

/**
 * The keeper thread's program: every renewMs it pushes the owner's lease forward in each watched
 * database. It has its own thread because the thread that holds a lease may never yield (a CLI
 * backtest runs its whole loop synchronously), and a lease must only lapse when the process is gone.
 *
 * SELF-CONTAINED: it runs from its source text and gets everything via `env`.
 */
function keeperMain(env: KeeperEnv): void {
  const { data } = env;
  const Sqlite = env.require(data.sqlitePath) as typeof Database;
  const watched = new Map<string, { db: Database.Database; renew: Database.Statement }>();

  function renewAll(): void {
    for (const w of watched.values()) {
      try {
        w.renew.run({ owner: data.owner, expires: Date.now() + data.ttlMs });
      } catch {
        // Busy past the timeout: the next beat tries again, well before the lease lapses.
      }
    }
  }

  env.port.on('message', (m) => {
    if (m.kind === 'watch' && !watched.has(m.file)) {
      const db = new Sqlite(m.file, { fileMustExist: true });
      for (const p of data.pragmas) db.pragma(p);
      // UPDATE only: a lease dropped as lapsed stays dropped (its runs were already marked interrupted).
      const renew = db.prepare('UPDATE leases SET expires_at = @expires WHERE owner = @owner');
      watched.set(m.file, { db, renew });
    } else if (m.kind === 'unwatch') {
      watched.get(m.file)?.db.close();
      watched.delete(m.file);
    }
  });
  setInterval(renewAll, data.renewMs);
}

const WORKER_SOURCE = `
const __name = (f) => f;
const { workerData, parentPort } = require('node:worker_threads');
(${keeperMain.toString()})({ require, data: workerData, port: parentPort });`;

export interface LeaseKeeper {
  watch(file: string): void;
  unwatch(file: string): void;
  /** Stops the thread; watching again starts a new one. */
  stop(): Promise<void>;
}

/** A keeper thread for `owner`, started on the first watch. It never keeps the process alive. */
export function createLeaseKeeper(owner: string, pragmas: readonly string[], ttlMs: number, renewMs: number): LeaseKeeper {
  let worker: Worker | null = null;
  const files = new Set<string>();

  function thread(): Worker {
    if (worker) return worker;
    const data: KeeperData = {
      sqlitePath: createRequire(import.meta.url).resolve('better-sqlite3'),
      pragmas: [...pragmas],
      owner,
      ttlMs,
      renewMs,
    };
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: data });
    w.unref();
    // A keeper that dies lets the lease lapse, which is the safe failure: the run is reported interrupted.
    w.on('error', () => undefined);
    w.on('exit', () => {
      if (worker === w) worker = null;
    });
    return (worker = w);
  }

  return {
    watch(file) {
      if (files.has(file)) return;
      files.add(file);
      thread().postMessage({ kind: 'watch', file } satisfies KeeperMessage);
    },
    unwatch(file) {
      if (!files.delete(file)) return;
      if (files.size === 0) void this.stop();
      else worker?.postMessage({ kind: 'unwatch', file } satisfies KeeperMessage);
    },
    async stop() {
      files.clear();
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
