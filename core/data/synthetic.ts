import type { BarSeries } from './BarSeries';
import { businessDays } from './businessDays';
import { parseDate } from './csv/parseTimestamp';
import { Prng, deriveSeed } from './prng';
import { fatTailShock, simulateGarchFactor, type FactorPath } from './syntheticFactor';

export interface SyntheticMarketOptions {
  symbols: number;
  years: number;
  seed: number;
  /** ISO date (YYYY-MM-DD) of the first session, moved forward to a weekday. Default '2000-01-03'. */
  start?: string;
}

const TRADING_DAYS_PER_YEAR = 252;
const SECTORS = 10;
const MARKET = { longRunSd: 0.01, alpha: 0.08, beta: 0.9 };
const SECTOR = { longRunSd: 0.006, alpha: 0.06, beta: 0.92 };
/** Share of the day's return that already shows in the open, and the open's own noise (in day sds). */
const GAP_SHARE = 0.35;
const GAP_NOISE = 0.25;
/** How far high/low reach beyond the open-close body, in day sds. */
const WICK = 0.5;
const VOLUME_NOISE = 0.3;
/** Volume rises with the size of the move: log-volume gains this much per day-sd of |return| above average. */
const VOLUME_MOVE_SENSITIVITY = 0.6;
const MEAN_ABS_NORMAL = Math.sqrt(2 / Math.PI);

/**
 * A deterministic daily market: returns load on one GARCH market factor and one of ten GARCH sector factors,
 * plus fat-tailed idiosyncratic noise whose volatility rises with the market's. Bars are Mon-Fri at 00:00 UTC,
 * about 252 a year, symbols SYN000, SYN001, ...
 *
 * Every factor and symbol draws from its own seeded stream, so a symbol's bars do not depend on how many
 * other symbols are generated, and a shorter run is a prefix of a longer one. All series share one `ts`
 * array; each price column is a view into one buffer per field, so no per-bar objects exist.
 */
export function generateSyntheticMarket(opts: SyntheticMarketOptions): BarSeries[] {
  const { symbols, years, seed } = opts;
  if (!Number.isInteger(symbols) || symbols < 0) {
    throw new RangeError(`generateSyntheticMarket: symbols must be a non-negative integer, got ${symbols}`);
  }
  if (!Number.isFinite(years) || years <= 0) {
    throw new RangeError(`generateSyntheticMarket: years must be a positive number, got ${years}`);
  }
  if (!Number.isInteger(seed)) throw new RangeError(`generateSyntheticMarket: seed must be an integer, got ${seed}`);
  const start = opts.start ?? '2000-01-03';
  const startMs = parseDate(start, 0, start.length);
  if (Number.isNaN(startMs)) {
    throw new RangeError(`generateSyntheticMarket: start "${start}" is not an ISO date (YYYY-MM-DD)`);
  }

  const days = Math.max(1, Math.round(years * TRADING_DAYS_PER_YEAR));
  const ts = businessDays(startMs, days);
  const market = simulateGarchFactor(new Prng(deriveSeed(seed, 0)), days, MARKET);
  const sectors: FactorPath[] = [];
  for (let k = 0; k < SECTORS; k++) sectors.push(simulateGarchFactor(new Prng(deriveSeed(seed, 1 + k)), days, SECTOR));

  const total = symbols * days;
  const buffers = {
    open: new Float64Array(total),
    high: new Float64Array(total),
    low: new Float64Array(total),
    close: new Float64Array(total),
    volume: new Float64Array(total),
  };
  const out: BarSeries[] = [];
  for (let i = 0; i < symbols; i++) {
    const from = i * days;
    const view = (column: Float64Array): Float64Array => column.subarray(from, from + days);
    const series: BarSeries = {
      symbol: `SYN${String(i).padStart(3, '0')}`,
      barSeconds: 86_400,
      length: days,
      ts,
      open: view(buffers.open),
      high: view(buffers.high),
      low: view(buffers.low),
      close: view(buffers.close),
      volume: view(buffers.volume),
    };
    fillSymbol(series, new Prng(deriveSeed(seed, 1 + SECTORS + i)), market, sectors[i % SECTORS]);
    out.push(series);
  }
  return out;
}

/** Writes one symbol's bars into its (preallocated) columns. */
function fillSymbol(series: BarSeries, prng: Prng, market: FactorPath, sector: FactorPath): void {
  const betaMarket = prng.uniform(0.7, 1.3);
  const betaSector = prng.uniform(0.5, 1.0);
  const idioVar = (prng.uniform(0.15, 0.35) / Math.sqrt(TRADING_DAYS_PER_YEAR)) ** 2;
  const drift = prng.uniform(0, 0.06) / TRADING_DAYS_PER_YEAR;
  const volumeLevel = Math.exp(prng.uniform(Math.log(1e5), Math.log(1e7)));
  const marketLongRunVar = MARKET.longRunSd * MARKET.longRunSd;
  const { open, high, low, close, volume, length } = series;
  const marketReturns = market.returns;
  const marketVariance = market.variance;
  const sectorReturns = sector.returns;
  const sectorVariance = sector.variance;
  let logClose = Math.log(prng.uniform(10, 200));

  for (let t = 0; t < length; t++) {
    const marketVar = marketVariance[t];
    // Stress is market-wide: idiosyncratic volatility rises (half as much) with the market's.
    const dayIdioVar = idioVar * (0.5 + (0.5 * marketVar) / marketLongRunVar);
    const daySd = Math.sqrt(betaMarket * betaMarket * marketVar + betaSector * betaSector * sectorVariance[t] + dayIdioVar);
    const r = drift + betaMarket * marketReturns[t] + betaSector * sectorReturns[t] + Math.sqrt(dayIdioVar) * fatTailShock(prng);
    const logOpen = logClose + GAP_SHARE * r + GAP_NOISE * daySd * prng.normal();
    logClose += r;
    const o = Math.exp(logOpen);
    const c = Math.exp(logClose);
    open[t] = o;
    close[t] = c;
    // Wicks are a fraction of a percent, where 1 + x is as good as exp(x) and much cheaper; dividing keeps low > 0.
    high[t] = (o > c ? o : c) * (1 + WICK * daySd * Math.abs(prng.normal()));
    low[t] = (o < c ? o : c) / (1 + WICK * daySd * Math.abs(prng.normal()));
    const surprise = Math.abs(r - drift) / daySd - MEAN_ABS_NORMAL;
    volume[t] = Math.round(volumeLevel * Math.exp(VOLUME_NOISE * prng.normal() + VOLUME_MOVE_SENSITIVITY * surprise));
  }
}
