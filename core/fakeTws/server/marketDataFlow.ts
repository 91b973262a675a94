import { resolveContract } from '../market/orderChecks';
import type { Instrument } from '../model';
import type { HistoricalDataRequest, RequestContract } from '../wire/requests';
import {
  contractDataEndMessage,
  contractDataMessage,
  historicalDataMessage,
  marketDataTypeMessage,
  tickPriceMessage,
  tickReqParamsMessage,
  tickSizeMessage,
  tickSnapshotEndMessage,
} from '../wire/serverMessages';
import { parseIbDateTime } from '../wire/values';
import type { TwsContext } from './context';
import { NOT_SUPPORTED_CODE, notSupportedText } from './notices';
import { streamedBuckets } from '../../data/streamedBuckets';
import { barDateFormatter, barSizeSeconds, durationStart } from './historyWindow';
import type { MarketDataSubscription, Session } from './session';

/** Tick type ids (stoqey TickType): live, then the delayed ones types 3 and 4 use. */
const LIVE = { bid: 1, ask: 2, last: 4, bidSize: 0, askSize: 3, lastSize: 5, high: 6, low: 7, volume: 8, close: 9, open: 14 };
const DELAYED = { bid: 66, ask: 67, last: 68, bidSize: 69, askSize: 70, lastSize: 71, high: 72, low: 73, volume: 74, close: 75, open: 76 };

function resolve(ctx: TwsContext, s: Session, reqId: number, c: RequestContract): Instrument | null {
  const inst = resolveContract(ctx.market, c);
  if ('code' in inst) {
    s.error(reqId, inst.code, inst.text);
    return null;
  }
  return inst;
}

/** Quote of the current bar: last = close, bid/ask half the simulator's quoted spread away. */
export function sendTicks(ctx: TwsContext, s: Session, reqId: number, sub: MarketDataSubscription): void {
  const bar = ctx.market.bar(sub.inst);
  if (!bar) return;
  const ids = sub.marketDataType >= 3 ? DELAYED : LIVE;
  const half = ctx.sim.spread_bps / 2 / 1e4;
  const quoteSize = Math.max(100, Math.round(bar.volume / 390 / 100) * 100);
  s.send(tickPriceMessage(reqId, ids.bid, bar.close * (1 - half), quoteSize));
  // stoqey derives no size event from a BID tick price (it tests `if (sizeTickType)` and BID_SIZE is 0): send it alone too.
  s.send(tickSizeMessage(reqId, ids.bidSize, quoteSize));
  s.send(tickPriceMessage(reqId, ids.ask, bar.close * (1 + half), quoteSize));
  s.send(tickPriceMessage(reqId, ids.last, bar.close, 100));
  s.send(tickPriceMessage(reqId, ids.high, bar.high, null));
  s.send(tickPriceMessage(reqId, ids.low, bar.low, null));
  s.send(tickPriceMessage(reqId, ids.open, bar.open, null));
  const prevClose = ctx.market.previousClose(sub.inst);
  if (!Number.isNaN(prevClose)) s.send(tickPriceMessage(reqId, ids.close, prevClose, null));
  s.send(tickSizeMessage(reqId, ids.volume, Math.round(bar.volume)));
}

export function startMarketData(ctx: TwsContext, s: Session, reqId: number, c: RequestContract, snapshot: boolean): void {
  const inst = resolve(ctx, s, reqId, c);
  if (!inst) return;
  if (ctx.faults.marketDataNotSubscribed) {
    if (s.marketDataType < 3) {
      s.error(reqId, 354, 'Requested market data is not subscribed.Delayed market data is available.');
      return;
    }
    s.error(reqId, 10167, 'Requested market data is not subscribed. Displaying delayed market data.');
  }
  const sub: MarketDataSubscription = { inst, marketDataType: s.marketDataType };
  s.send(marketDataTypeMessage(reqId, sub.marketDataType));
  s.send(tickReqParamsMessage(reqId));
  sendTicks(ctx, s, reqId, sub);
  if (snapshot) s.send(tickSnapshotEndMessage(reqId));
  else s.marketData.set(reqId, sub);
}

/** After a market step: subscribed quotes whose instrument got a new bar are sent again. */
export function pushTicks(ctx: TwsContext, moved: ReadonlySet<Instrument>): void {
  for (const s of ctx.sessions) {
    if (!s.ready) continue;
    for (const [reqId, sub] of s.marketData) if (moved.has(sub.inst)) sendTicks(ctx, s, reqId, sub);
  }
}

const hmdsError = (detail: string): string => `Historical Market Data Service error message:${detail}`;

export function sendHistoricalData(ctx: TwsContext, s: Session, req: HistoricalDataRequest): void {
  if (ctx.faults.pacingNext) {
    ctx.faults.pacingNext = false;
    s.error(req.reqId, 162, hmdsError('Historical data request pacing violation'));
    return;
  }
  const inst = resolve(ctx, s, req.reqId, req.contract);
  if (!inst) return;
  const invalid = (why: string): void => s.error(req.reqId, 321, `Error validating request:-'bP' : cause - ${why}`);
  const unsupported = (what: string, detail?: string): void =>
    s.error(req.reqId, NOT_SUPPORTED_CODE, notSupportedText(what, detail));
  if (req.keepUpToDate) return unsupported('REQ_HISTORICAL_DATA with keepUpToDate');
  const native = ctx.market.series[inst.index].barSeconds;
  const asked = barSizeSeconds(req.barSize);
  if (Number.isNaN(asked)) return invalid(`invalid bar size "${req.barSize}"`);
  // Coarser bars are folded from the native ones, as TWS builds any size from its own; finer ones do not exist.
  const folds = native > 0 && native < 86_400 && asked > native && asked < 86_400 && asked % native === 0;
  if (native !== 0 && asked !== native && !folds) {
    return unsupported(`REQ_HISTORICAL_DATA with bar size "${req.barSize}"`, `it replays ${inst.symbol} in its native bar size, ${native} s, and intraday multiples of it`);
  }
  const now = ctx.market.time;
  const end = req.endDateTime === '' ? now : Math.min(now, parseIbDateTime(req.endDateTime));
  if (Number.isNaN(end)) return invalid(`end date/time "${req.endDateTime}" is not yyyyMMdd HH:mm:ss`);
  const start = durationStart(end, req.duration);
  if (Number.isNaN(start)) return invalid(`invalid duration "${req.duration}" (expected e.g. "30 D", "1 Y")`);
  const nativeBars = ctx.market.history(inst, start, end);
  // The bucket still forming is sent as it stands, as TWS sends its current bar.
  const bars = folds ? streamedBuckets(nativeBars, asked, Number.POSITIVE_INFINITY) : nativeBars;
  if (bars.length === 0) {
    s.error(req.reqId, 162, hmdsError(`HMDS query returned no data: ${inst.symbol}@SMART ${req.whatToShow}`));
    return;
  }
  s.send(historicalDataMessage(req.reqId, start, end, bars, barDateFormatter(folds ? asked : native, req.formatDate)));
}

export function sendContractDetails(ctx: TwsContext, s: Session, reqId: number, c: RequestContract): void {
  const inst = resolve(ctx, s, reqId, c);
  if (!inst) return;
  s.send(contractDataMessage(reqId, inst, s.version));
  s.send(contractDataEndMessage(reqId));
}
