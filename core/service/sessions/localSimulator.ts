import { IbBroker } from '../../broker/ib/IbBroker';
import { LOCAL_SIMULATOR_ACCOUNT } from '../../broker/ib/store/localSimulatorAccount';
import type { ResolvedSpec } from '../../config/loadSpec';
import type { BarSeries } from '../../data/BarSeries';
import { mergeCalendars } from '../../data/calendar';
import { GrowingSeries } from '../../data/growingSeries';
import { startFakeTws, type FakeTws } from '../../fakeTws/index';
import { BarAggregator } from '../../session/barAggregator';
import { BarSets } from '../../session/barSets';
import { loadSpecData } from '../loadSpecData';
import { specSeries } from '../runSpec';
import { sessionShape, type SessionVenue } from './startSession';
import type Database from 'better-sqlite3';

/** The simulator as a local paper broker: a fake TWS in this process, and the IB adapter connected to it. */
export interface LocalSimulator {
  tws: FakeTws;
  broker: IbBroker;
  close(): Promise<void>;
}

/** Bars of history before the first replayed one: two years of daily bars. */
export const REPLAY_HISTORY_BARS = 504;

/** How long closing waits for orders still working (a flatten's market orders) to end. */
const SETTLE_MS = 10_000;

async function connected(db: Database.Database, tws: FakeTws, stop: () => void): Promise<LocalSimulator> {
  const broker = new IbBroker({ mode: 'PAPER', db });
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      stop();
      // A stop's or a flatten's last orders are answered before the simulator goes.
      const until = Date.now() + SETTLE_MS;
      while (broker.getOpenOrders().length > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      broker.disconnect();
      await tws.close();
      // Whatever still worked ends with the simulator: nothing of it may look open later.
      db.prepare(
        `UPDATE orders SET status = 'CANCELLED', status_reason = 'the local simulator ended', updated_at = ?
         WHERE mode = 'PAPER' AND status IN ('PENDING', 'SUBMITTED', 'ACCEPTED', 'PARTIALLY_FILLED')
           AND client_order_ref IN (SELECT client_order_ref FROM ib_orders WHERE account = ?)`,
      ).run(Date.now(), LOCAL_SIMULATOR_ACCOUNT);
    })());
  try {
    await broker.connect({ host: '127.0.0.1', port: tws.port, clientId: 1 });
  } catch (err) {
    await close();
    throw err;
  }
  return { tws, broker, close };
}

/** The local simulator replaying the spec's own data at `speed` bars per second. */
export async function replaySimulator(db: Database.Database, spec: ResolvedSpec, speed: number): Promise<LocalSimulator> {
  const series = specSeries(spec, loadSpecData(spec.data, db).series);
  const longest = Math.max(...series.map((s) => s.length));
  if (longest <= REPLAY_HISTORY_BARS + 1) throw new Error(`the spec's data has ${longest} bars: replaying it needs more than ${REPLAY_HISTORY_BARS + 1}`);
  const tws = await startFakeTws({ port: 0, series: [...series], startBar: REPLAY_HISTORY_BARS, barsPerSecond: speed, sim: spec.simulator, initialCash: spec.initialCash, seed: spec.seed, accountId: LOCAL_SIMULATOR_ACCOUNT });
  return connected(db, tws, () => {});
}

/**
 * The local simulator trading on a broker's live bars: its market starts with the broker's history at the
 * session's bar size (daily, or the last `warmup_bars` intraday bars) and grows with each bar the broker's
 * stream completes (formed as the session forms them), so orders fill by the simulator's rules on real prices
 * and never reach the broker.
 */
export async function simulatorOnBroker(db: Database.Database, spec: ResolvedSpec, upstream: SessionVenue): Promise<LocalSimulator> {
  const settings = spec.session;
  const { symbols, barSeconds } = sessionShape(db, spec);
  const daily = barSeconds === 86_400;
  for (const symbol of symbols) await upstream.qualifyInstrument(symbol);
  const history: BarSeries[] = await Promise.all(
    symbols.map((s) => (daily ? upstream.downloadDailyHistory(s, { years: settings.warmup_years }) : upstream.downloadIntradayHistory(s, { barSeconds, bars: settings.warmup_bars }))),
  );
  const empty = history.find((h) => h.length === 0);
  if (empty) throw new Error(`the broker has no ${daily ? 'daily' : `${barSeconds} s`} history for ${empty.symbol}: the simulator needs its prices to start from`);
  const series = history.map((h) => GrowingSeries.from(h));
  const tws = await startFakeTws({ port: 0, series, startBar: mergeCalendars(series).length - 1, live: true, sim: spec.simulator, initialCash: spec.initialCash, seed: spec.seed, accountId: LOCAL_SIMULATOR_ACCOUNT });
  const [hh, mm] = settings.decision_time.split(':').map(Number);
  const sets = new BarSets(symbols, settings.grace_ms, (ts, bars) => {
    // A session the history already holds (the broker's last daily bar) is not added twice.
    if (ts > tws.snapshot().marketTime) tws.appendBars(ts, bars);
  });
  const stops = symbols.map((symbol) => {
    const agg = new BarAggregator(barSeconds, daily ? { hour: hh, minute: mm, timeZone: settings.time_zone } : null, (bar) => sets.add(symbol, bar));
    return upstream.subscribeBars(symbol, (b) => agg.push(b));
  });
  return connected(db, tws, () => {
    for (const stop of stops) stop();
    sets.close();
  });
}
