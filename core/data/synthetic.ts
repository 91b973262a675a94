import type { BarSeries } from './BarSeries';
import { businessDays } from './businessDays';
import { parseDate } from './csv/parseTimestamp';
import { Prng, deriveSeed } from './prng';
import { parseBarSize } from './resample';
import { IDIO_SPELLS, MARKET, SECTOR, SPELL_STEP_DAYS, TRADING_DAYS_PER_YEAR, fillSymbol, type SymbolDraws, type Tuning } from './syntheticDaily';
import { applyRegimes, fillVolSpells, simulateGarchFactor, simulateRegimes, type FactorPath } from './syntheticFactor';
import { fillIntraday, sessionGrid, sessionStamps, type DayPlan, type SessionGrid } from './syntheticIntraday';
import { SYNTHETIC_DEFAULTS, minutesOfDay, syntheticKnobsSchema, type SyntheticMarketOptions } from './syntheticOptions';

export type { SyntheticMarketOptions } from './syntheticOptions';

/** What the generator drew for one symbol: for display, and the spread to simulate it with. */
export interface SyntheticInstrument {
  symbol: string;
  /** Loading on the market factor. */
  beta: number;
  /** Mean annual log drift. */
  drift: number;
  /** Typical daily volume in shares. */
  dailyVolume: number;
  /** Suggested bid-ask spread in basis points: wider for symbols trading less money a day. */
  spreadBps: number;
}

export interface SyntheticUniverse {
  series: BarSeries[];
  instruments: SyntheticInstrument[];
  /** Per trading day, 1 when the market was in its turbulent regime; all 0 without regimes. */
  turbulent: Uint8Array;
}

const SECTORS = 10;
/**
 * A symbol trading the typical money a day (typical volume times 86, about the geometric mean of the first
 * prices, drawn from 10..200) gets the typical spread; spreads scale with 1/sqrt(money traded).
 */
const TYPICAL_PRICE = 86;
/** Streams outside the factor and symbol streams (which count up from 0). */
const REGIME_STREAM = -1;
const INTRADAY_STREAM = 1;
/** A symbol's volatility spells draw from their own stream, so a shorter market stays a prefix of a longer one. */
const SPELL_STREAM = 2;
/** Generated bars are held in memory at 48 bytes each: beyond this many, ask for fewer. */
const MAX_BARS = 20_000_000;

/**
 * A deterministic market: returns load on one GARCH market factor and one of ten GARCH sector factors,
 * plus fat-tailed idiosyncratic noise with its own volatility spells, rising with the market's; gaps, ranges
 * and volume behave as on real daily files (syntheticDaily.ts). Daily bars are Mon-Fri at 00:00 UTC, about
 * 252 a year, symbols SYN000, SYN001, ...
 *
 * The knobs (syntheticOptions.ts) add calm/turbulent regimes on market-wide volatility, scale the market
 * loading (correlation), the drift and the volume, and give intraday bars: each day's open and close come
 * from the daily model and a Brownian bridge with a U-shaped activity profile fills the session between them.
 *
 * Every factor and symbol draws from its own seeded stream, so a symbol's bars do not depend on how many
 * other symbols are generated, and a shorter run is a prefix of a longer one. All series share one `ts`
 * array; each price column is a view into one buffer per field, so no per-bar objects exist.
 */
export function generateSyntheticUniverse(opts: SyntheticMarketOptions): SyntheticUniverse {
  const { symbols, seed } = opts;
  const { k, days, startMs, barSeconds, grid } = syntheticPlan(opts);
  const dailyTs = businessDays(startMs, days);
  const market = simulateGarchFactor(new Prng(deriveSeed(seed, 0)), days, MARKET);
  const sectors: FactorPath[] = [];
  for (let j = 0; j < SECTORS; j++) sectors.push(simulateGarchFactor(new Prng(deriveSeed(seed, 1 + j)), days, SECTOR));
  const turbulent = k.regimes ? simulateRegimes(new Prng(deriveSeed(seed, REGIME_STREAM)), days, k.regimes) : new Uint8Array(days);
  if (k.regimes) for (const f of [market, ...sectors]) applyRegimes(f, turbulent, k.regimes.turbulent_vol);

  const tuning: Tuning = {
    betaScale: k.market_beta ?? SYNTHETIC_DEFAULTS.market_beta,
    driftShift: (k.drift ?? SYNTHETIC_DEFAULTS.drift) - SYNTHETIC_DEFAULTS.drift,
    volumeScale: (k.daily_volume ?? SYNTHETIC_DEFAULTS.daily_volume) / SYNTHETIC_DEFAULTS.daily_volume,
  };
  const ts = grid ? sessionStamps(dailyTs, grid) : dailyTs;
  const length = ts.length;

  const total = symbols * length;
  const buffers = {
    open: new Float64Array(total),
    high: new Float64Array(total),
    low: new Float64Array(total),
    close: new Float64Array(total),
    volume: new Float64Array(total),
  };
  // Intraday: the daily model writes each symbol's days here, then the bridge fills its bars.
  const daily = grid ? dayColumns(days) : null;
  // One scratch column for every symbol's volatility spells.
  const spells = new Float64Array(days);
  const series: BarSeries[] = [];
  const instruments: SyntheticInstrument[] = [];
  for (let i = 0; i < symbols; i++) {
    const from = i * length;
    const view = (column: Float64Array): Float64Array => column.subarray(from, from + length);
    const s: BarSeries = {
      symbol: `SYN${String(i).padStart(3, '0')}`,
      barSeconds,
      length,
      ts,
      open: view(buffers.open),
      high: view(buffers.high),
      low: view(buffers.low),
      close: view(buffers.close),
      volume: view(buffers.volume),
    };
    const symbolSeed = deriveSeed(seed, 1 + SECTORS + i);
    const target = daily ? { ...daily, symbol: s.symbol, barSeconds: 86_400, length: days, ts: dailyTs } : s;
    fillVolSpells(new Prng(deriveSeed(symbolSeed, SPELL_STREAM)), spells, IDIO_SPELLS, SPELL_STEP_DAYS);
    const drawn = fillSymbol(target, new Prng(symbolSeed), market, sectors[i % SECTORS], tuning, spells, daily?.sd);
    if (daily && grid) fillIntraday(s, daily, grid, new Prng(deriveSeed(symbolSeed, INTRADAY_STREAM)));
    const typicalMoney = SYNTHETIC_DEFAULTS.daily_volume * tuning.volumeScale * TYPICAL_PRICE;
    instruments.push(describeInstrument(s.symbol, drawn, k.spread_bps ?? SYNTHETIC_DEFAULTS.spread_bps, typicalMoney));
    series.push(s);
  }
  return { series, instruments, turbulent };
}

/**
 * Checks the options and works out the market's shape without generating it (cheap: a spec can be
 * validated before launch). Throws a RangeError naming what is wrong.
 */
export function syntheticPlan(opts: SyntheticMarketOptions) {
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
  const knobs = syntheticKnobsSchema.safeParse(opts);
  if (!knobs.success) {
    const issue = knobs.error.issues[0];
    throw new RangeError(`generateSyntheticMarket: ${issue.path.join('.')}: ${issue.message}`);
  }
  const k = knobs.data;
  const days = Math.max(1, Math.round(years * TRADING_DAYS_PER_YEAR));
  const barSize = parseBarSize(k.bar_size ?? SYNTHETIC_DEFAULTS.bar_size);
  // The schema admits only '1d' and whole-minute intraday sizes.
  const barSeconds = barSize.kind === 'seconds' ? barSize.seconds : 86_400;
  const grid = barSeconds < 86_400 ? gridOf(k, barSeconds / 60) : null;
  const length = grid ? days * grid.barsPerDay : days;
  if (symbols * length > MAX_BARS) {
    throw new RangeError(
      `generateSyntheticMarket: ${symbols} symbols x ${length} bars is more than ${MAX_BARS.toLocaleString('en-US')} bars; use fewer symbols or years, or a coarser bar_size`,
    );
  }
  return { k, days, startMs, barSeconds, grid };
}

/** The generated bars alone: see generateSyntheticUniverse. */
export function generateSyntheticMarket(opts: SyntheticMarketOptions): BarSeries[] {
  return generateSyntheticUniverse(opts).series;
}

function gridOf(k: { session?: { open: string; close: string }; volume_profile?: 'u_shape' | 'flat' }, barMinutes: number): SessionGrid {
  const session = k.session ?? SYNTHETIC_DEFAULTS.session;
  try {
    return sessionGrid(minutesOfDay(session.open), minutesOfDay(session.close), barMinutes, k.volume_profile ?? SYNTHETIC_DEFAULTS.volume_profile);
  } catch (err) {
    throw new RangeError(`generateSyntheticMarket: session ${session.open}-${session.close}: ${(err as Error).message}`, { cause: err });
  }
}

function dayColumns(n: number): DayPlan & { high: Float64Array; low: Float64Array } {
  return { open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n), sd: new Float64Array(n) };
}

function describeInstrument(symbol: string, d: SymbolDraws, typicalSpreadBps: number, typicalMoney: number): SyntheticInstrument {
  const spread = typicalSpreadBps * Math.sqrt(typicalMoney / (d.volumeLevel * d.firstClose));
  return {
    symbol,
    beta: d.beta,
    drift: d.annualDrift,
    dailyVolume: Math.round(d.volumeLevel),
    // Within a quarter and four times the typical spread, to a tenth of a basis point.
    spreadBps: Math.round(10 * Math.min(4 * typicalSpreadBps, Math.max(typicalSpreadBps / 4, spread))) / 10,
  };
}
