import type { Bar } from '../../data/BarSeries';
import { resolveContract } from '../market/orderChecks';
import type { Instrument } from '../model';
import { REAL_TIME_BAR_SECONDS, type RealTimeBarsRequest } from '../wire/requests';
import { PRIMARY_EXCHANGE, realTimeBarMessage } from '../wire/serverMessages';
import type { TwsContext } from './context';
import type { RealTimeBarsSubscription, Session } from './session';

/**
 * Real-time bars. IB streams one 5-second bar every 5 seconds; the fake's market moves one replay bar
 * per step, so each step sends every subscription of an instrument that got a new bar ONE real-time
 * bar: the new bar's last 5-second slice (its stamp + the series' bar length - 5 s) carrying the
 * whole bar's prices and volume. Nothing is sent on subscribing (IB's first bar comes after the next
 * interval), nor after the end of the data.
 */

const NO_VALUE = -1;

/** Epoch seconds of the bar's last 5-second slice; a series of unknown bar length uses the bar's own stamp. */
export function realTimeBarTime(bar: Bar, barSeconds: number): number {
  const end = barSeconds >= REAL_TIME_BAR_SECONDS ? bar.ts + (barSeconds - REAL_TIME_BAR_SECONDS) * 1000 : bar.ts;
  return Math.floor(end / 1000);
}

/**
 * TRADES: the bar itself, WAP = close, a trade count proportional to volume (as historical bars).
 * MIDPOINT, BID, ASK: the bar's prices, or half the simulator's spread below / above them (as the
 * quote ticks), with no volume, WAP or count (-1, as IB sends for quote bars).
 */
function barValues(ctx: TwsContext, bar: Bar, sub: RealTimeBarsSubscription) {
  if (sub.whatToShow === 'TRADES') {
    return { ...bar, wap: bar.close, count: Math.max(1, Math.round(bar.volume / 100)) };
  }
  const half = ctx.sim.spread_bps / 2 / 1e4;
  const k = sub.whatToShow === 'BID' ? 1 - half : sub.whatToShow === 'ASK' ? 1 + half : 1;
  return { open: bar.open * k, high: bar.high * k, low: bar.low * k, close: bar.close * k, volume: NO_VALUE, wap: NO_VALUE, count: NO_VALUE };
}

export function startRealTimeBars(ctx: TwsContext, s: Session, req: RealTimeBarsRequest): void {
  if (s.realTimeBars.has(req.reqId)) {
    s.error(req.reqId, 322, `Error processing request:-'bS' : cause - Duplicate ticker id ${req.reqId}`);
    return;
  }
  const inst = resolveContract(ctx.market, req.contract);
  if ('code' in inst) {
    s.error(req.reqId, inst.code, inst.text);
    return;
  }
  if (ctx.faults.marketDataNotSubscribed) {
    // Real-time bars have no delayed form: without the subscription IB refuses them (420) whatever the market data type.
    s.error(req.reqId, 420, `Invalid Real-time Query:No market data permissions for ${PRIMARY_EXCHANGE} STK`);
    return;
  }
  s.realTimeBars.set(req.reqId, { inst, whatToShow: req.whatToShow });
  ctx.log(`${s.label}: real-time bars ${req.reqId} for ${inst.symbol} (${req.whatToShow})`);
}

export function cancelRealTimeBars(ctx: TwsContext, s: Session, reqId: number): void {
  // Like TWS, a cancel of an id that is not streaming is ignored.
  if (s.realTimeBars.delete(reqId)) ctx.log(`${s.label}: real-time bars ${reqId} cancelled`);
}

/** After a market step: one real-time bar to every subscription whose instrument got a new bar. */
export function pushRealTimeBars(ctx: TwsContext, moved: ReadonlySet<Instrument>): void {
  for (const s of ctx.sessions) {
    if (!s.ready) continue;
    for (const [reqId, sub] of s.realTimeBars) {
      if (!moved.has(sub.inst)) continue;
      const bar = ctx.market.bar(sub.inst);
      if (!bar) continue;
      const values = barValues(ctx, bar, sub);
      if (ctx.faults.malformedRealTimeBar) {
        ctx.faults.malformedRealTimeBar = false;
        ctx.log(`${s.label}: fault: real-time bar ${reqId} sent with its high and low swapped`);
        [values.high, values.low] = [values.low, values.high];
      }
      s.send(realTimeBarMessage(reqId, realTimeBarTime(bar, ctx.market.series[sub.inst.index].barSeconds), values));
    }
  }
}
