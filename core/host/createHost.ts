import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Handlers } from '../ipc/contract';
import { EventBus } from '../ipc/eventBus';
import { createRouter, type Router } from '../ipc/router';
import { JobQueue } from '../service/backtests/jobQueue';
import { RunPriceCache } from '../service/backtests/runPrices';
import { defaultDbPath, openDatabase } from '../store/db';
import { LEASE_TTL_MS } from '../store/leases';
import { recoverInterruptedRuns } from '../store/runs';
import { ensureDefaultUniverse } from '../data/barStore/defaultUniverse';
import { APP_VERSION } from '../version';
import { backtestHandlers } from './handlers/backtests';
import { dataHandlers } from './handlers/data';
import { tradingHandlers } from './handlers/trading';
import { riskHandlers } from './handlers/risk';
import { researchHandlers } from './handlers/research';
import { sessionHandlers } from './handlers/sessions';
import { SessionService } from '../service/sessions/sessionService';
import { ResearchService } from '../service/research/researchService';
import { logHandlers } from './handlers/system';
import { jobStateLogger } from './jobLog';
import { logFor } from '../log/log';
import { openLogFile } from '../log/logFile';
import { loadTradingConfigs } from '../service/trading/tradingConfigs';
import { TradingService } from '../service/trading/tradingService';
import type { BrokerFactory } from '../service/trading/tradingBroker';
import { brokerFactory } from '../service/trading/brokerFactory';
import { sealedKeyVault, type Sealer } from '../service/trading/sealedKeyVault';
import { fileURLToPath } from 'node:url';

export interface HostOptions {
  /** Where the SQLite file and settings live (the platform's app-data folder, or a test's temp dir). */
  dataDir: string;
  dbPath?: string;
  transport: 'electron' | 'web' | 'in-process';
  /** Folder that relative paths from the UI resolve against; default the process's working folder. */
  baseDir?: string;
  logError?: (method: string, err: unknown) => void;
  /** configs/execution: paper.yaml and live.yaml (risk limits, default connection). */
  executionConfigDir?: string;
  /** How a trading connection's broker is built; default the IB or Alpaca adapter, as the connection asks. */
  createBroker?: BrokerFactory;
  /**
   * Seals the Alpaca keys typed in the app with the OS keychain (the desktop app's main process); they are
   * kept sealed in <dataDir>/alpaca-keys.sealed. None (web mode): keys come from the environment only.
   */
  keySealer?: Sealer;
}

/** The project's configs/execution, from sources (core/host) or a bundle (dist/<entry>): both two levels down. */
const EXECUTION_CONFIG_DIR = fileURLToPath(new URL('../../configs/execution', import.meta.url));



export interface Host {
  router: Router;
  bus: EventBus;
  db: Database.Database;
  dbPath: string;
  jobs: JobQueue;
  close(): Promise<void>;
}

/** Builds the engine once: store, services, router and event bus. Electron and web mode differ only in transport. */
export async function createHost(opts: HostOptions): Promise<Host> {
  mkdirSync(opts.dataDir, { recursive: true });
  // One structured log per data directory: <dataDir>/logs, read back by the app's log view.
  const logFile = await openLogFile({ dataDir: opts.dataDir });
  const log = logFor('host');
  const dbPath = opts.dbPath ?? defaultDbPath(opts.dataDir);
  const db = openDatabase(dbPath);
  // openDatabase already marked runs whose lease had lapsed; a process that died only just before
  // this host started still holds a live lease, so its runs are looked at again once it lapses.
  const recovery = setInterval(() => {
    try {
      recoverInterruptedRuns(db);
    } catch (err) {
      opts.logError?.('recoverInterruptedRuns', err);
    }
  }, LEASE_TTL_MS);
  recovery.unref();
  // A new user can run a backtest at once: the bar store starts with a synthetic universe.
  ensureDefaultUniverse(db);
  const baseDir = opts.baseDir ?? process.cwd();
  const bus = new EventBus();
  const logJob = jobStateLogger();
  // Set right below: the queue's first job reports only once resume() runs.
  let research: ResearchService | null = null;
  const jobs = new JobQueue({
    db,
    dbPath,
    baseDir,
    onJob: (job) => {
      logJob(job);
      research?.noteBacktestJob(job);
      bus.emit('backtests.job', job);
    },
    onPoints: (jobId, runId, ts, equity) => bus.emit('backtests.progress', { jobId, runId, ts, equity }),
    onStoreError: (what, err) => opts.logError?.(what, err),
  });
  const researchService = new ResearchService({ db, dbPath, baseDir, backtests: jobs, onJob: (job) => bus.emit('research.job', job) });
  research = researchService;
  const trading = new TradingService({
    db,
    configs: loadTradingConfigs(opts.executionConfigDir ?? EXECUTION_CONFIG_DIR),
    createBroker: opts.createBroker ?? brokerFactory(db),
    alpacaKeys: { vault: opts.keySealer ? sealedKeyVault(path.join(opts.dataDir, 'alpaca-keys.sealed'), opts.keySealer) : undefined },
    emit: bus.emit,
    clock: () => Date.now(),
  });
  const sessions = new SessionService({ db, trading, baseDir, emit: (summary) => bus.emit('sessions.changed', summary) });
  // Sessions that ran on a broker resume once the app is connected to it again.
  const stopResuming = bus.subscribe((event, payload) => {
    if (event === 'trading.connection' && (payload as { state?: string }).state === 'ready') {
      sessions.resumeDetached().catch((err: unknown) => opts.logError?.('sessions.resumeDetached', err));
    }
  });
  const handlers: Handlers = {
    'system.info': () => ({ appVersion: APP_VERSION, transport: opts.transport, dataDir: path.resolve(opts.dataDir), dbPath }),
    ...backtestHandlers({ db, jobs, prices: new RunPriceCache(baseDir), baseDir }),
    ...dataHandlers(db, bus.emit),
    ...tradingHandlers(trading),
    ...logHandlers(logFile.dir),
    ...riskHandlers(db, trading),
    ...researchHandlers(db, researchService),
    ...sessionHandlers(sessions),
  };
  const router = createRouter(handlers, { logError: opts.logError });
  log.info(`engine host started (${opts.transport})`, { dbPath, version: APP_VERSION });
  // Jobs a previous host left queued (or running, if it crashed) run now.
  jobs.resume();
  return {
    router,
    bus,
    db,
    dbPath,
    jobs,
    async close() {
      clearInterval(recovery);
      stopResuming();
      await sessions.close();
      await trading.disconnect().catch(() => undefined);
      await researchService.close();
      await jobs.close();
      db.close();
      log.info('engine host closed');
      await logFile.close();
    },
  };
}
