import type Database from 'better-sqlite3';
import type { HandlersFor } from '../../ipc/contract';
import type { backtestMethods } from '../../ipc/contract/backtests';
import { ApiError } from '../../ipc/errors';
import { deleteRunInBatches } from '../../store/runDeletion';
import type { JobQueue } from '../../service/backtests/jobQueue';
import { exportRun, runInstrumentDecimals } from '../../service/backtests/runExport';
import type { RunPriceCache } from '../../service/backtests/runPrices';
import { compareRuns, equityCurve, listRunSummaries, runAsOf, runDetail, runPeriodReturns } from '../../service/backtests/runReads';
import { fillsPage, ordersPage, tradesPage } from '../../service/backtests/runRecords';
import { assertRunnable, defaultSpec, specIssues, strategyInfos } from '../../service/backtests/specForm';
import { specInputOf } from '../../service/backtests/specInputOf';
import { describeStrategyModule } from '../../service/backtests/strategyModule';

export interface BacktestDeps {
  db: Database.Database;
  jobs: JobQueue;
  prices: RunPriceCache;
  /** Folder that relative paths typed into the form resolve against. */
  baseDir: string;
}

export function backtestHandlers(d: BacktestDeps): HandlersFor<typeof backtestMethods> {
  const { db } = d;
  return {
    'backtests.list': (input) => listRunSummaries(db, input),
    'backtests.get': ({ runId }) => {
      const detail = runDetail(db, runId);
      return { ...detail, config: specInputOf(detail.config, detail.name) };
    },
    'backtests.delete': async ({ runId }) => {
      if (d.jobs.list().some((j) => j.runId === runId && j.state === 'running')) {
        throw new ApiError('CONFLICT', 'the run is still running; cancel it first');
      }
      return { deleted: await deleteRunInBatches(db, runId) };
    },
    'backtests.validate': ({ spec }) => ({ issues: specIssues(spec, d.baseDir) }),
    'backtests.launch': ({ spec }) => d.jobs.enqueue(assertRunnable(spec, d.baseDir), spec),
    'backtests.cancel': ({ jobId }) => {
      const job = d.jobs.cancel(jobId);
      if (!job) throw new ApiError('NOT_FOUND', `no job ${jobId}`);
      return job;
    },
    'backtests.jobs': () => d.jobs.list(),
    'backtests.defaults': () => ({ spec: defaultSpec() }),
    'backtests.equity': ({ runId, maxPoints }) => equityCurve(db, runId, maxPoints),
    'backtests.returns': ({ runId }) => runPeriodReturns(db, runId),
    'backtests.prices': ({ runId, symbol, maxPoints }) => d.prices.chart(db, runId, symbol, maxPoints),
    'backtests.orders': (req) => ordersPage(db, req),
    'backtests.fills': (req) => fillsPage(db, req),
    'backtests.trades': (req) => tradesPage(db, req),
    'backtests.asOf': ({ runId, ts }) => runAsOf(db, runId, ts),
    'backtests.export': ({ runId, what, raw }) => exportRun(db, runId, what, raw ?? false),
    'backtests.priceDecimals': ({ runId }) => runInstrumentDecimals(db, runId),
    'backtests.execution': ({ runId }) => d.prices.execution(db, runId),
    'backtests.compare': ({ runIds }) => compareRuns(db, runIds, 1500),
    'strategies.list': () => strategyInfos(),
    'strategies.describeModule': ({ path }) => describeStrategyModule(path, d.baseDir),
  };
}
