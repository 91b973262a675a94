import { barAt, type Bar, type BarSeries } from '../../data/BarSeries';
import { parseBarSize, resampleSeries, type BarSize } from '../../data/resample';
import { seriesFromBars } from '../../data/seriesFromBars';
import { streamedBuckets } from '../../data/streamedBuckets';
import type { AlpacaContext } from '../server/context';
import { invalidRequest, notFound } from '../wire/apiError';
import { barFields, isoTime, quoteAround, quoteFields, tradeFields } from '../wire/marketJson';
import type { Json } from '../wire/tradingJson';
import { json, type ApiRequest, type ApiResponse, type Route } from './jsonServer';
import { enumParam, intParam, listParam, timeParam } from './query';

const UNITS: Record<string, string> = { Min: 'm', T: 'm', Hour: 'h', H: 'h', Day: 'd', D: 'd', Week: 'w', W: 'w', Month: 'mo', M: 'mo' };

function route(pattern: RegExp, handle: (req: ApiRequest) => ApiResponse): Route {
  return { method: 'GET', pattern, auth: true, handle };
}

/** Market Data API v2 (the data host): stock bars, latest quotes, latest trades and latest bars. */
export function dataRoutes(ctx: AlpacaContext): Route[] {
  const bars = new BarReader(ctx);
  return [
    route(/^\/v2\/stocks\/bars$/, (r) => {
      const symbols = requireSymbols(r.query);
      const page = bars.page(symbols, r.query);
      const out: Record<string, Json> = {};
      for (const [sym, list] of page.bars) out[sym] = list;
      return json(200, { bars: out, next_page_token: page.next, currency: 'USD' });
    }),
    route(/^\/v2\/stocks\/bars\/latest$/, (r) => json(200, { bars: latestMap(requireSymbols(r.query), (s) => latestBar(ctx, s)) })),
    route(/^\/v2\/stocks\/quotes\/latest$/, (r) => json(200, { quotes: latestMap(requireSymbols(r.query), (s) => latestQuote(ctx, s)) })),
    route(/^\/v2\/stocks\/trades\/latest$/, (r) => json(200, { trades: latestMap(requireSymbols(r.query), (s) => latestTrade(ctx, s)) })),
    route(/^\/v2\/stocks\/([^/]+)\/bars$/, (r) => {
      const symbol = r.params[0].toUpperCase();
      const page = bars.page([symbol], r.query);
      return json(200, { bars: page.bars.get(symbol) ?? [], symbol, next_page_token: page.next, currency: 'USD' });
    }),
    route(/^\/v2\/stocks\/([^/]+)\/bars\/latest$/, (r) => one(ctx, r.params[0], 'bar', latestBar)),
    route(/^\/v2\/stocks\/([^/]+)\/quotes\/latest$/, (r) => one(ctx, r.params[0], 'quote', latestQuote)),
    route(/^\/v2\/stocks\/([^/]+)\/trades\/latest$/, (r) => one(ctx, r.params[0], 'trade', latestTrade)),
  ];
}

function requireSymbols(q: URLSearchParams): string[] {
  const symbols = listParam(q, 'symbols');
  if (symbols.length === 0) throw invalidRequest('symbols is required');
  return symbols;
}

function one(ctx: AlpacaContext, raw: string, key: string, read: (ctx: AlpacaContext, symbol: string) => Json | null): ApiResponse {
  const symbol = raw.toUpperCase();
  const value = read(ctx, symbol);
  if (value === null) throw notFound(`no ${key} found for ${symbol}`);
  return json(200, { symbol, [key]: value, currency: 'USD' });
}

/** Symbols the fake does not know, or that have no bar yet, are left out, as Alpaca leaves them out. */
function latestMap(symbols: string[], read: (symbol: string) => Json | null): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const s of symbols) {
    const v = read(s);
    if (v !== null) out[s] = v;
  }
  return out;
}

function currentBar(ctx: AlpacaContext, symbol: string): Bar | null {
  const inst = ctx.market.lookup(symbol);
  return inst ? ctx.market.bar(inst) : null;
}

function latestBar(ctx: AlpacaContext, symbol: string): Json | null {
  const bar = currentBar(ctx, symbol);
  return bar ? barFields(bar, isoTime) : null;
}

function latestQuote(ctx: AlpacaContext, symbol: string): Json | null {
  const bar = currentBar(ctx, symbol);
  return bar ? quoteFields(quoteAround(bar.close, ctx.sim.spread_bps), bar.ts, isoTime) : null;
}

function latestTrade(ctx: AlpacaContext, symbol: string): Json | null {
  const inst = ctx.market.lookup(symbol);
  const bar = inst ? ctx.market.bar(inst) : null;
  if (!inst || !bar) return null;
  return tradeFields(bar.close, 100, ctx.market.barIndex(inst) + 1, bar.ts, isoTime);
}

/** Alpaca's timeframe ("1Min", "15T", "1Hour", "1Day", "1Week", "3Month") as the project's bar size. */
function parseTimeframe(text: string | null): string {
  const m = /^(\d+)(Min|T|Hour|H|Day|D|Week|W|Month|M)$/.exec(text ?? '');
  if (!m) throw invalidRequest(`timeframe: expected e.g. 1Min, 15Min, 1Hour, 1Day, 1Week or 1Month, got "${text ?? ''}"`);
  return `${m[1]}${UNITS[m[2]]}`;
}

interface Page {
  bars: Map<string, Json[]>;
  next: string | null;
}

/**
 * Bars as the data API pages them: by symbol, then time, `limit` bars in all, continued by an opaque
 * page token. Never later than the replay's current bar.
 */
class BarReader {
  private readonly resampled = new Map<string, BarSeries>();

  constructor(private readonly ctx: AlpacaContext) {}

  page(symbols: string[], q: URLSearchParams): Page {
    const size = parseTimeframe(q.get('timeframe'));
    const limit = intParam(q, 'limit', 1000, 1, 10_000);
    const sort = enumParam(q, 'sort', ['asc', 'desc'] as const, 'asc');
    const start = timeParam(q, 'start') ?? Number.NEGATIVE_INFINITY;
    const end = Math.min(timeParam(q, 'end') ?? Number.POSITIVE_INFINITY, this.ctx.market.time);
    const token = q.get('page_token');
    const rows: { symbol: string; bar: Bar }[] = [];
    for (const symbol of [...new Set(symbols)].sort()) {
      const series = this.series(symbol, size);
      if (!series) continue;
      const mine: { symbol: string; bar: Bar }[] = [];
      for (let i = 0; i < series.length; i++) {
        const t = series.ts[i];
        if (t >= start && t <= end) mine.push({ symbol, bar: barAt(series, i) });
      }
      if (sort === 'desc') mine.reverse();
      rows.push(...mine);
    }
    let from = 0;
    if (token) {
      from = rows.findIndex((r) => tokenOf(r.symbol, r.bar.ts) === token);
      if (from < 0) throw invalidRequest(`page_token: "${token}" does not continue this request`);
    }
    const slice = rows.slice(from, from + limit);
    const out = new Map<string, Json[]>();
    for (const r of slice) {
      const list = out.get(r.symbol) ?? [];
      list.push(barFields(r.bar, isoTime));
      out.set(r.symbol, list);
    }
    const after = rows[from + limit];
    return { bars: out, next: after ? tokenOf(after.symbol, after.bar.ts) : null };
  }

  /** The symbol's bars up to the current one, in the requested size (a bar still forming holds what traded so far). */
  private series(symbol: string, size: string): BarSeries | null {
    const inst = this.ctx.market.lookup(symbol);
    if (!inst) return null;
    const upTo = this.ctx.market.barIndex(inst) + 1;
    const key = `${inst.symbol}|${size}|${upTo}`;
    let s = this.resampled.get(key);
    if (!s) {
      const visible = prefix(this.ctx.market.series[inst.index], upTo);
      try {
        s = upTo === 0 ? visible : inSize(visible, parseBarSize(size));
      } catch (err) {
        throw invalidRequest(`timeframe: ${err instanceof Error ? err.message : String(err)}`);
      }
      // One entry per symbol and size: older cursors are never asked for again.
      for (const k of this.resampled.keys()) if (k.startsWith(`${inst.symbol}|${size}|`)) this.resampled.delete(k);
      this.resampled.set(key, s);
    }
    return s;
  }
}

/**
 * The series in the asked size. An intraday multiple of an intraday series is folded as Alpaca builds it from
 * minute bars (and as a session folds the stream's bars): clock-aligned buckets stamped at their start, the
 * one still forming as it stands. Other sizes are resampled.
 */
function inSize(s: BarSeries, size: BarSize): BarSeries {
  const native = s.barSeconds;
  if (size.kind === 'seconds' && native > 0 && size.seconds > native && size.seconds < 86_400 && size.seconds % native === 0) {
    const bars = Array.from({ length: s.length }, (_, i) => barAt(s, i));
    return seriesFromBars(s.symbol, streamedBuckets(bars, size.seconds, Number.POSITIVE_INFINITY), size.seconds);
  }
  return resampleSeries(s, size);
}

function prefix(s: BarSeries, n: number): BarSeries {
  return {
    symbol: s.symbol,
    barSeconds: s.barSeconds,
    length: n,
    ts: s.ts.subarray(0, n),
    open: s.open.subarray(0, n),
    high: s.high.subarray(0, n),
    low: s.low.subarray(0, n),
    close: s.close.subarray(0, n),
    volume: s.volume.subarray(0, n),
    tickSize: s.tickSize,
  };
}

function tokenOf(symbol: string, ts: number): string {
  return Buffer.from(`${symbol}|${ts}`).toString('base64url');
}
