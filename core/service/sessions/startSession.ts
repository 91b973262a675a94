import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { ResolvedSpec } from '../../config/loadSpec';
import type { BarSeries } from '../../data/BarSeries';
import { barSizeSeconds, parseBarSize } from '../../data/resample';
import type { Timestamp } from '../../domain/order';
import { SessionMarket } from '../../session/sessionMarket';
import { StrategySession, type SessionBroker } from '../../session/strategySession';
import { storeRecorder } from '../../store/sessionRecorder';
import { getSession, insertSession, insertSessionBars, sessionSeries, type SessionRow } from '../../store/strategySessions';
import { APP_VERSION } from '../../version';
import { seriesFromBars } from '../../data/seriesFromBars';
import { loadSpecData } from '../loadSpecData';
import { resolveStrategy } from '../resolveStrategy';
import { riskOf, specSeries } from '../runSpec';

/** What a session needs of its broker beyond the port: looking symbols up and their history. */
export interface SessionVenue extends SessionBroker {
  qualifyInstrument(symbol: string): Promise<unknown>;
  downloadDailyHistory(symbol: string, opts: { years: number }): Promise<BarSeries>;
  /** The last `bars` completed bars of `barSeconds` (under a day), stamped at their start as the session's own bars are. */
  downloadIntradayHistory(symbol: string, opts: { barSeconds: number; bars: number }): Promise<BarSeries>;
  subscribeQuotes(symbol: string, listener: (q: { last: number | null; bid: number | null; ask: number | null }) => void): () => void;
}

export interface StartSessionInput {
  db: Database.Database;
  spec: ResolvedSpec;
  mode: 'PAPER' | 'LIVE';
  /** How the broker is named in the session's record (ib, sim, alpaca). */
  brokerName: string;
  broker: SessionVenue;
  /** A session to resume (after a restart) instead of a new one. */
  resumeId?: string;
  sourceRunId?: string | null;
  clock?: () => Timestamp;
}

export interface StartedSession {
  id: string;
  row: SessionRow;
  session: StrategySession;
  symbols: string[];
}

/** A module's content hash, or a built-in's name and the app version: what exactly the session runs. */
function strategyVersion(spec: ResolvedSpec): string {
  if (spec.strategy.kind === 'builtin') return `${spec.strategy.name}@${APP_VERSION}`;
  return `sha256:${createHash('sha256').update(readFileSync(spec.strategy.module)).digest('hex').slice(0, 16)}`;
}

function bars(s: BarSeries): { ts: number; open: number; high: number; low: number; close: number; volume: number }[] {
  return Array.from({ length: s.length }, (_, i) => ({ ts: s.ts[i], open: s.open[i], high: s.high[i], low: s.low[i], close: s.close[i], volume: s.volume[i] }));
}

/** A session's instruments (its spec's data's symbols) and its bar size: session.bar_size, else the data's. */
export function sessionShape(db: Database.Database, spec: ResolvedSpec): { symbols: string[]; barSeconds: number } {
  const series = specSeries(spec, loadSpecData(spec.data, db).series);
  const barSeconds = spec.session.bar_size !== undefined ? barSizeSeconds(parseBarSize(spec.session.bar_size)) : (series[0]?.barSeconds ?? 86_400);
  if (!(barSeconds > 0)) throw new Error(`the session's bar size is unknown: set session.bar_size in ${spec.file}`);
  return { symbols: series.map((s) => s.symbol), barSeconds };
}

/**
 * The broker's history a session warms up on: daily bars of `warmup_years`, or the last `warmup_bars` bars of
 * an intraday size. An intraday history the broker cannot give is recorded, and the session warms up on live bars.
 */
async function brokerHistory(input: StartSessionInput, symbols: readonly string[], barSeconds: number, record: (symbol: string, reason: string) => void): Promise<BarSeries[]> {
  const { broker, spec } = input;
  if (barSeconds === 86_400) return Promise.all(symbols.map((s) => broker.downloadDailyHistory(s, { years: spec.session.warmup_years })));
  const out: BarSeries[] = [];
  for (const symbol of symbols) {
    try {
      out.push(await broker.downloadIntradayHistory(symbol, { barSeconds, bars: spec.session.warmup_bars }));
    } catch (err) {
      record(symbol, err instanceof Error ? err.message : String(err));
      out.push(seriesFromBars(symbol, [], barSeconds));
    }
  }
  return out;
}

/**
 * Starts (or resumes) a strategy session of `spec` on `broker`, which must be connected: the
 * spec's strategy, params, planner and risk limits, with its `session` settings. A new session's
 * warm-up history is the broker's (daily or at the session's bar size) and is stored with it; a
 * resumed session warms up on what it stored, plus the broker's history since, and decides only bars
 * after the last one it decided.
 */
export async function startStrategySession(input: StartSessionInput): Promise<StartedSession> {
  const { db, spec, broker } = input;
  const clock = input.clock ?? Date.now;
  const settings = spec.session;
  const { symbols, barSeconds } = sessionShape(db, spec);
  for (const symbol of symbols) await broker.qualifyInstrument(symbol);

  const strategy = await resolveStrategy(spec.strategy, { symbols, baseDir: spec.baseDir }, spec.file);
  let row: SessionRow;
  let warmup: BarSeries[];
  if (input.resumeId !== undefined) {
    const found = getSession(db, input.resumeId);
    if (!found) throw new Error(`no strategy session ${input.resumeId}`);
    if (found.state === 'stopped' || found.state === 'failed') throw new Error(`session ${found.id} is ${found.state}: start a new one`);
    row = found;
    warmup = sessionSeries(db, row.id, symbols, barSeconds);
  } else {
    const id = randomUUID();
    const cash = broker.getAccountState().cash;
    insertSession(db, {
      id,
      name: spec.name,
      mode: input.mode,
      broker: input.brokerName,
      specJson: JSON.stringify(spec),
      strategy: strategy.label,
      strategyVersion: strategyVersion(spec),
      sourceRunId: input.sourceRunId ?? null,
      refPrefix: `TD${id.replaceAll('-', '').slice(0, 10)}`,
      initialCash: cash,
      barSeconds,
      state: 'running',
      createdAt: clock(),
    });
    row = getSession(db, id) as SessionRow;
    warmup = [];
  }
  const recorder = storeRecorder(db, row.id, input.mode);
  // The broker's history up to now: a new session's warm-up, or what a resumed one missed.
  const fetched = await brokerHistory(input, symbols, barSeconds, (symbol, reason) => recorder.action(clock(), 'WARMUP_UNAVAILABLE', symbol, { reason, barSeconds }));
  warmup = symbols.map((symbol, k) => mergeHistory(warmup.find((w) => w.symbol === symbol), fetched[k]));
  for (const s of warmup) insertSessionBars(db, row.id, s.symbol, bars(s), false);

  // Each order records the quote it went out at: the broker's mid, else its last price.
  const quotes = new Map<string, number>();
  const stopQuotes = symbols.map((symbol) =>
    broker.subscribeQuotes(symbol, (q) => {
      const px = q.bid !== null && q.ask !== null && q.bid > 0 && q.ask > 0 ? (q.bid + q.ask) / 2 : q.last;
      if (px !== null && px > 0) quotes.set(symbol, px);
    }),
  );
  const [hh, mm] = settings.decision_time.split(':').map(Number);
  const market = new SessionMarket(symbols, barSeconds, warmup);
  const session = new StrategySession({
    refPrefix: row.refPrefix,
    broker,
    strategy: strategy.strategy,
    market,
    barSeconds,
    decision: barSeconds === 86_400 ? { hour: hh, minute: mm, timeZone: settings.time_zone } : null,
    graceMs: settings.grace_ms,
    sim: spec.simulator,
    planner: spec.planner,
    risk: riskOf(spec) ?? null,
    limits: { maxDailyLoss: settings.max_daily_loss ?? null, maxPositionValue: settings.max_position_value ?? null },
    resume: row.lastDecidedTs === null ? null : { lastDecided: row.lastDecidedTs, decisions: row.decisions },
    clock,
    recorder,
    quote: (symbol) => quotes.get(symbol) ?? null,
  });
  session.onChange((s) => {
    if (s.state === 'stopped' || s.state === 'failed') for (const stop of stopQuotes.splice(0)) stop();
  });
  session.start();
  return { id: row.id, row, session, symbols };
}

/** Stored bars, then the broker's bars after the last of them. */
function mergeHistory(stored: BarSeries | undefined, fetched: BarSeries): BarSeries {
  if (!stored || stored.length === 0) return fetched;
  const last = stored.ts[stored.length - 1];
  let from = 0;
  while (from < fetched.length && fetched.ts[from] <= last) from++;
  const cat = (a: Float64Array, b: Float64Array): Float64Array => {
    const out = new Float64Array(a.length + b.length - from);
    out.set(a);
    out.set(b.subarray(from), a.length);
    return out;
  };
  return {
    symbol: stored.symbol,
    barSeconds: stored.barSeconds,
    length: stored.length + fetched.length - from,
    ts: cat(stored.ts, fetched.ts),
    open: cat(stored.open, fetched.open),
    high: cat(stored.high, fetched.high),
    low: cat(stored.low, fetched.low),
    close: cat(stored.close, fetched.close),
    volume: cat(stored.volume, fetched.volume),
  };
}
