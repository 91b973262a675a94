import type { BarSeries } from './BarSeries';
import type { Prng } from './prng';
import { fatTailShock, type FactorPath, type VolSpell } from './syntheticFactor';
import { SYNTHETIC_DEFAULTS } from './syntheticDefaults';

/**
 * The daily model of one synthetic symbol. Its constants are tuned so that the stylized facts of real daily
 * stock files (stylizedFacts.ts: gap/session independence, fat tails, volatility clustering, range and
 * volume that follow volatility) come out within their range on the files in fixtures/data
 * (syntheticStats.test.ts measures both).
 */

export const TRADING_DAYS_PER_YEAR = 252;
/** The market and sector factors: GARCH(1,1) with Student-t shocks (nu degrees of freedom). */
export const MARKET = { longRunSd: 0.01, alpha: 0.08, beta: 0.9, nu: 6 };
export const SECTOR = { longRunSd: 0.006, alpha: 0.06, beta: 0.92, nu: 6 };
/**
 * Each symbol's own volatility clusters too: a GARCH(1,1) on its idiosyncratic variance, with fat-tailed shocks,
 * times a log-normal level for the calm and hectic spells of real stocks, lasting weeks (0.97) and years (0.998).
 */
const IDIO = { alpha: 0.05, beta: 0.93 };
export const IDIO_SPELLS: readonly VolSpell[] = [
  { persistence: 0.998, sd: 0.5 },
  { persistence: 0.97, sd: 0.4 },
];
/** The spells' level moves once a week: a daily step would change nothing visible and cost an exp a day. */
export const SPELL_STEP_DAYS = 5;
/**
 * The overnight gap carries GAP_SHARE of the day's move plus noise sized so that the gap and the session's
 * move are uncorrelated (slightly negative, as on real files, by GAP_REVERSAL): a gap says nothing about
 * the rest of the day. The gap then holds about GAP_SHARE + GAP_REVERSAL of the day's variance (~0.3 on real files).
 */
const GAP_SHARE = 0.25;
const GAP_REVERSAL = 0.02;
const GAP_NOISE = Math.sqrt(GAP_SHARE * (1 - GAP_SHARE) + GAP_REVERSAL);
/** The session's (open-to-close) share of the day's standard deviation. */
const SESSION_SD = Math.sqrt(1 - GAP_SHARE + GAP_REVERSAL);
/**
 * The high and low are a Brownian bridge's extremes over this share of the session's variance: prices print
 * in ticks and pause, so real ranges are narrower than a continuous path's (Parkinson's estimator on the real
 * files gives 0.80-0.85 of the close-to-close sd).
 */
const RANGE_VAR_SHARE = 0.85;
/** Expected high-low range of a Brownian bridge with no net move, in sds: sqrt(pi / 2). */
const MEAN_BRIDGE_RANGE = Math.sqrt(Math.PI / 2);
/**
 * Company news (earnings) once a quarter, at a phase drawn per symbol: it lands overnight as a jump in the gap
 * of NEWS_JUMP idiosyncratic sds, and the session after it trades NEWS_SESSION_VAR times the idiosyncratic variance.
 */
const NEWS_EVERY = 63;
const NEWS_JUMP = 3;
const NEWS_SESSION_VAR = 3;
/** Log-volume noise: persistent from day to day (VOLUME_PERSISTENCE), as real volume is. */
const VOLUME_NOISE = 0.35;
const VOLUME_PERSISTENCE = 0.7;
/**
 * Volume is in proportion to the day's volatility, and rises with the day's range and its move beyond that:
 * log-volume gains VOLUME_RANGE_SENSITIVITY per unit of range above what the volatility implies, and
 * VOLUME_MOVE_SENSITIVITY per sd of |return| above its mean.
 */
const VOLUME_RANGE_SENSITIVITY = 0.3;
const VOLUME_MOVE_SENSITIVITY = 0.15;
const MEAN_ABS_NORMAL = Math.sqrt(2 / Math.PI);
/** Per-symbol drifts are drawn within this distance of the mean drift. */
const DRIFT_SPREAD = 0.03;

/** Per-symbol draws shifted by the options; each is exact (x + 0, x * 1) with the defaults. */
export interface Tuning {
  betaScale: number;
  driftShift: number;
  volumeScale: number;
}

export interface SymbolDraws {
  beta: number;
  annualDrift: number;
  volumeLevel: number;
  /** The first day's close. */
  firstClose: number;
}

/**
 * Where a Brownian bridge over `variance` from 0 to `move` reaches its maximum, drawn exactly from its
 * distribution (P(max > x) = exp(-2x(x - move) / variance)); the minimum is the mirror image. Always at or
 * beyond both ends, so the bar's high and low enclose its open and close.
 */
function bridgeExtreme(move: number, variance: number, prng: Prng, side: 1 | -1): number {
  return (move + side * Math.sqrt(move * move - 2 * variance * Math.log(prng.next()))) / 2;
}

/**
 * Writes one symbol's daily bars into its (preallocated) columns, and into `sdOut` when given the sd of each
 * day's path from open to close, the one its high and low come from (the intraday bridge walks that path).
 * `spells` holds the symbol's volatility level per day (fillVolSpells with IDIO_SPELLS). Returns what it drew.
 */
export function fillSymbol(series: BarSeries, prng: Prng, market: FactorPath, sector: FactorPath, tuning: Tuning, spells: Float64Array, sdOut?: Float64Array): SymbolDraws {
  const betaMarket = prng.uniform(0.7, 1.3) * tuning.betaScale;
  const betaSector = prng.uniform(0.5, 1.0);
  const idioLongRunVar = (prng.uniform(0.15, 0.35) / Math.sqrt(TRADING_DAYS_PER_YEAR)) ** 2;
  const annualDrift = prng.uniform(SYNTHETIC_DEFAULTS.drift - DRIFT_SPREAD, SYNTHETIC_DEFAULTS.drift + DRIFT_SPREAD) + tuning.driftShift;
  const drift = annualDrift / TRADING_DAYS_PER_YEAR;
  const volumeLevel = Math.exp(prng.uniform(Math.log(1e5), Math.log(1e7))) * tuning.volumeScale;
  const marketLongRunVar = MARKET.longRunSd * MARKET.longRunSd;
  // The variance of a typical day, against which volume measures how busy a day is.
  const typicalSd = Math.sqrt(betaMarket * betaMarket * marketLongRunVar + betaSector * betaSector * SECTOR.longRunSd * SECTOR.longRunSd + idioLongRunVar);
  const idioOmega = 1 - IDIO.alpha - IDIO.beta;
  const { open, high, low, close, volume, length } = series;
  const marketReturns = market.returns;
  const marketVariance = market.variance;
  const sectorReturns = sector.returns;
  const sectorVariance = sector.variance;
  let logClose = Math.log(prng.uniform(10, 200));
  const newsPhase = Math.floor(prng.uniform(0, NEWS_EVERY));
  let idioVar = 1;
  let volumeNoise = VOLUME_NOISE * prng.normal();
  const volumeInnovation = VOLUME_NOISE * Math.sqrt(1 - VOLUME_PERSISTENCE * VOLUME_PERSISTENCE);

  for (let t = 0; t < length; t++) {
    const marketVar = marketVariance[t];
    // Stress is market-wide: idiosyncratic volatility rises (half as much) with the market's.
    const idioSpellVar = idioLongRunVar * spells[t] * idioVar * (0.5 + (0.5 * marketVar) / marketLongRunVar);
    const news = t % NEWS_EVERY === newsPhase;
    const dayIdioVar = news ? NEWS_SESSION_VAR * idioSpellVar : idioSpellVar;
    const dayVar = betaMarket * betaMarket * marketVar + betaSector * betaSector * sectorVariance[t] + dayIdioVar;
    const daySd = Math.sqrt(dayVar);
    const z = fatTailShock(prng);
    const move = betaMarket * marketReturns[t] + betaSector * sectorReturns[t] + Math.sqrt(dayIdioVar) * z;
    idioVar = idioOmega + IDIO.alpha * idioVar * z * z + IDIO.beta * idioVar;
    const jump = news ? NEWS_JUMP * Math.sqrt(idioSpellVar) * prng.normal() : 0;
    const gap = GAP_SHARE * move + GAP_NOISE * daySd * prng.normal() + jump;
    const logOpen = logClose + gap;
    logClose += drift + move + jump;
    const o = Math.exp(logOpen);
    const c = Math.exp(logClose);
    open[t] = o;
    close[t] = c;
    const session = logClose - logOpen;
    const rangeVar = RANGE_VAR_SHARE * SESSION_SD * SESSION_SD * dayVar;
    const rangeSd = Math.sqrt(rangeVar);
    // The extremes enclose the open and close in exact arithmetic; max/min keep them so after rounding.
    const up = bridgeExtreme(session, rangeVar, prng, 1);
    const down = bridgeExtreme(session, rangeVar, prng, -1);
    const h = o * Math.exp(up);
    const l = o * Math.exp(down);
    high[t] = Math.max(h, o, c);
    low[t] = Math.min(l, o, c);
    volumeNoise = VOLUME_PERSISTENCE * volumeNoise + volumeInnovation * prng.normal();
    // A wide range or a big move (a gap too) makes a busy day, and so does a volatile spell.
    const fullVar = news ? dayVar + NEWS_JUMP * NEWS_JUMP * idioSpellVar : dayVar;
    const rangeSurprise = (up - down) / (MEAN_BRIDGE_RANGE * rangeSd) - 1;
    const fullSd = Math.sqrt(fullVar);
    const moveSurprise = Math.abs(move + jump) / fullSd - MEAN_ABS_NORMAL;
    // Volume in proportion to the day's volatility: no log or power needed.
    const busy = fullSd / typicalSd;
    volume[t] = Math.round(volumeLevel * busy * Math.exp(volumeNoise + VOLUME_RANGE_SENSITIVITY * rangeSurprise + VOLUME_MOVE_SENSITIVITY * moveSurprise));
    if (sdOut) sdOut[t] = rangeSd;
  }
  return { beta: betaMarket, annualDrift, volumeLevel, firstClose: close[0] };
}
