import path from 'node:path';
import type Database from 'better-sqlite3';
import { loadSpecFile, type ResolvedSpec } from '../../config/loadSpec';
import { sessionSpecSchema } from '../../config/specSchema';
import { ApiError } from '../../ipc/errors';
import type { OverviewDto, SessionDetailDto, SessionSummaryDto } from '../../ipc/contract/sessions';
import { getRun } from '../../store/runs';
import { getSession, listSessions, sessionEquity, setSessionState, type SessionRow } from '../../store/strategySessions';
import type { TradingService } from '../trading/tradingService';
import { replaySimulator, simulatorOnBroker, type LocalSimulator } from './localSimulator';
import { sessionDetail } from './sessionDetail';
import { startStrategySession, type StartedSession } from './startSession';

type StartInput = {
  specPath?: string;
  runId?: string;
  broker: 'connected' | 'sim';
  simBars: 'replay' | 'connected';
  speed: number;
  maxDailyLoss?: number;
  maxPositionValue?: number;
};

interface Attached {
  started: StartedSession;
  /** The local simulator the session trades on; none on the trading connection. */
  own: LocalSimulator | null;
  off: () => void;
}

export interface SessionServiceOptions {
  db: Database.Database;
  trading: TradingService;
  baseDir: string;
  emit: (summary: SessionSummaryDto) => void;
  clock?: () => number;
}

/**
 * Strategy sessions as the app runs them: started from a spec or a completed backtest, on the
 * trading connection's broker (in its mode: LIVE needs arming) or on the local simulator; resumed
 * when the connection they ran on is ready again after a restart; paused, stopped or flattened by
 * the trader.
 */
export class SessionService {
  private readonly attached = new Map<string, Attached>();
  private readonly clock: () => number;
  private resuming = false;

  constructor(private readonly o: SessionServiceOptions) {
    this.clock = o.clock ?? Date.now;
    // A local simulator's account lived in the app that ran it: such a session cannot resume.
    for (const row of listSessions(o.db)) {
      if ((row.state === 'running' || row.state === 'paused') && row.broker === 'sim') {
        setSessionState(o.db, row.id, 'failed', 'its local simulator ended with the app that ran it', this.clock());
      }
    }
  }

  list(): SessionSummaryDto[] {
    return listSessions(this.o.db).map((r) => this.summary(r));
  }

  async detail(id: string): Promise<SessionDetailDto> {
    const row = this.row(id);
    return sessionDetail(this.o.db, row, this.summary(row));
  }

  async start(input: StartInput): Promise<SessionSummaryDto> {
    const spec = this.specOf(input);
    let started: StartedSession;
    let own: LocalSimulator | null = null;
    if (input.broker === 'sim') {
      if (input.simBars === 'connected') {
        const conn = this.o.trading.readyConnection();
        if (conn === null) throw new ApiError('UNAVAILABLE', 'connect to a broker first: the local simulator trades on its live bars');
        own = await simulatorOnBroker(this.o.db, spec, conn.broker).catch((err: unknown) => {
          throw new ApiError('REJECTED', err instanceof Error ? err.message : String(err));
        });
      } else {
        own = await replaySimulator(this.o.db, spec, input.speed).catch((err: unknown) => {
          throw new ApiError('REJECTED', err instanceof Error ? err.message : String(err));
        });
      }
      try {
        started = await startStrategySession({ db: this.o.db, spec, mode: 'PAPER', brokerName: 'sim', broker: own.broker, sourceRunId: input.runId ?? null, clock: this.clock });
      } catch (err) {
        await own.close();
        throw err;
      }
    } else {
      const conn = this.o.trading.readyConnection();
      if (conn === null) throw new ApiError('UNAVAILABLE', 'connect to a broker first (Trading), or start the session on the local simulator');
      started = await startStrategySession({ db: this.o.db, spec, mode: conn.mode, brokerName: conn.brokerName, broker: conn.broker, sourceRunId: input.runId ?? null, clock: this.clock });
    }
    this.attach(started, own);
    return this.summary(this.row(started.id));
  }

  control(id: string, action: 'pause' | 'resume' | 'stop' | 'flatten'): SessionSummaryDto {
    const a = this.attached.get(id);
    if (!a) {
      const row = this.row(id);
      if (action === 'stop' && (row.state === 'running' || row.state === 'paused')) {
        // Not running in this app (its broker is not connected): stopping it only records that.
        setSessionState(this.o.db, id, 'stopped', 'stopped by the trader while detached', this.clock());
        return this.summary(this.row(id));
      }
      throw new ApiError('REJECTED', `session ${id} is ${row.state} and not running in this app${row.state === 'running' ? ': connect to its broker to resume it' : ''}`);
    }
    const s = a.started.session;
    if (action === 'pause') s.pause();
    else if (action === 'resume') s.resume();
    else if (action === 'stop') s.stop('stopped by the trader');
    else s.flattenAndStop('flattened and stopped by the trader');
    return this.summary(this.row(id));
  }

  /**
   * Resumes the sessions that were running on this connection's broker and mode before the app
   * restarted (once per connection; call when it becomes ready).
   */
  async resumeDetached(): Promise<void> {
    const conn = this.o.trading.readyConnection();
    if (conn === null || this.resuming) return;
    this.resuming = true;
    try {
      for (const row of listSessions(this.o.db)) {
        if (this.attached.has(row.id) || (row.state !== 'running' && row.state !== 'paused')) continue;
        if (row.broker !== conn.brokerName || row.mode !== conn.mode) continue;
        try {
          const spec = JSON.parse(row.specJson) as ResolvedSpec;
          const started = await startStrategySession({ db: this.o.db, spec, mode: conn.mode, brokerName: conn.brokerName, broker: conn.broker, resumeId: row.id, clock: this.clock });
          if (row.state === 'paused') started.session.pause();
          this.attach(started, null);
        } catch (err) {
          setSessionState(this.o.db, row.id, 'failed', `could not resume: ${err instanceof Error ? err.message : String(err)}`, this.clock());
        }
      }
    } finally {
      this.resuming = false;
    }
  }

  overview(): OverviewDto {
    const state = this.o.trading.state();
    const account = state.account;
    return {
      mode: state.mode,
      connected: state.connection.state === 'ready',
      equity: account?.netLiquidation ?? null,
      pnlToday: account?.dayPnl ?? null,
      grossExposure: account?.grossExposure ?? null,
      netExposure: account ? state.positions.reduce((v, p) => v + p.marketValue, 0) : null,
      openOrders: state.openOrders.length,
      sessions: this.list().filter((s) => s.state === 'running' || s.state === 'paused'),
    };
  }

  /** Stops every session this app runs (their state stays running, so they resume with the app). */
  async close(): Promise<void> {
    for (const [, a] of this.attached) {
      a.off();
      if (a.own) {
        a.started.session.stop('the app closed');
        await a.own.close();
      }
    }
    this.attached.clear();
  }

  private attach(started: StartedSession, own: Attached['own']): void {
    const off = started.session.onChange(() => {
      this.o.emit(this.summary(this.row(started.id)));
      const s = started.session.state;
      if ((s === 'stopped' || s === 'failed') && own) void own.close();
    });
    this.attached.set(started.id, { started, own, off });
    this.o.emit(this.summary(this.row(started.id)));
  }

  private specOf(input: StartInput): ResolvedSpec {
    let spec: ResolvedSpec;
    if (input.specPath !== undefined) {
      spec = loadSpecFile(path.resolve(this.o.baseDir, input.specPath));
    } else {
      const run = getRun(this.o.db, input.runId as string);
      if (!run) throw new ApiError('NOT_FOUND', `no run ${input.runId}`);
      if (run.status !== 'completed') throw new ApiError('REJECTED', `run ${run.id} is ${run.status}: only a completed backtest can be forward-tested`);
      spec = specFromRun(run.id, JSON.parse(run.configJson) as Record<string, unknown>, this.o.baseDir);
    }
    const session = { ...spec.session };
    if (input.maxDailyLoss !== undefined) session.max_daily_loss = input.maxDailyLoss;
    if (input.maxPositionValue !== undefined) session.max_position_value = input.maxPositionValue;
    return { ...spec, session };
  }

  private row(id: string): SessionRow {
    const row = getSession(this.o.db, id);
    if (!row) throw new ApiError('NOT_FOUND', `no strategy session ${id}`);
    return row;
  }

  private summary(row: SessionRow): SessionSummaryDto {
    const curve = sessionEquity(this.o.db, row.id);
    const last = curve[curve.length - 1];
    const prev = curve[curve.length - 2];
    const { specJson: _spec, refPrefix: _ref, ...rest } = row;
    return {
      ...rest,
      attached: this.attached.has(row.id),
      equity: last?.equity ?? null,
      pnlToday: last && prev ? last.equity - prev.equity : null,
      pnlTotal: last ? last.equity - row.initialCash : null,
    };
  }
}

/** The spec a completed run was recorded with (see recordedConfig), as a session runs it. */
export function specFromRun(runId: string, c: Record<string, unknown>, baseDir: string): ResolvedSpec {
  return {
    name: String(c.name),
    file: `run ${runId}`,
    baseDir,
    data: c.data as ResolvedSpec['data'],
    strategy: c.strategy as ResolvedSpec['strategy'],
    start: null,
    end: null,
    initialCash: Number(c.initial_cash),
    seed: Number(c.seed),
    benchmark: c.benchmark as ResolvedSpec['benchmark'],
    closeAtEnd: false,
    simulator: c.simulator as ResolvedSpec['simulator'],
    planner: c.planner as ResolvedSpec['planner'],
    timeMachine: c.time_machine as ResolvedSpec['timeMachine'],
    riskChecks: c.risk_checks as ResolvedSpec['riskChecks'],
    session: sessionSpecSchema.parse({}),
  };
}
