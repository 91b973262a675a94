import { SYNTHETIC_DEFAULTS } from '../../../core/ipc/contract/backtests';
import type { FieldModel, NumberField } from './fieldModel';
import { getAt } from './specPath';

/**
 * The synthetic market's inputs, by the names of core/data/syntheticOptions.ts. The renderer imports
 * only core/ipc, so the bounds are written out here; syntheticFields.test.ts checks them against the
 * engine's schema. The defaults come from the contract.
 */
export { SYNTHETIC_DEFAULTS };

/** The spec's default for `seed` (core/config/specSchema.ts). */
export const DEFAULT_MARKET_SEED = 1;

const S = 'data.synthetic';

const num = (key: string, label: string, extra: Partial<NumberField>): NumberField => ({
  kind: 'number',
  path: `${S}.${key}`,
  label,
  required: false,
  integer: false,
  ...extra,
});

const BASE_FIELDS: FieldModel[] = [
  num('symbols', 'Symbols', { integer: true, min: 1, step: 1, required: true }),
  num('years', 'Years', { min: 0, minExclusive: true, step: 1, required: true }),
  { kind: 'date', path: `${S}.start`, label: 'First session', required: false, defaultValue: '2000-01-03' },
];

/** The sizes a trader picks from; another size the spec names (a duplicated '2m' run) is added to them. */
const BAR_SIZES: readonly [string, string][] = [
  ['1d', 'Daily'],
  ['1h', '1 hour'],
  ['30m', '30 minutes'],
  ['15m', '15 minutes'],
  ['5m', '5 minutes'],
  ['1m', '1 minute'],
];

export function barSizeField(current: unknown): FieldModel {
  const options = BAR_SIZES.map(([value, label]) => ({ value, label }));
  if (typeof current === 'string' && current !== '' && !BAR_SIZES.some(([v]) => v === current)) options.push({ value: current, label: current });
  return { kind: 'select', path: `${S}.bar_size`, label: 'Bar size', required: false, defaultValue: SYNTHETIC_DEFAULTS.bar_size, options };
}

export const SESSION_PATH = `${S}.session`;

const SESSION_FIELDS: FieldModel[] = [
  { kind: 'text', path: `${SESSION_PATH}.open`, label: 'Session open', required: false, defaultValue: SYNTHETIC_DEFAULTS.session.open, hint: 'HH:MM, exchange time' },
  { kind: 'text', path: `${SESSION_PATH}.close`, label: 'Session close', required: false, defaultValue: SYNTHETIC_DEFAULTS.session.close, hint: 'A bar is stamped at its end' },
];

export const VOLUME_PROFILE_FIELD: FieldModel = {
  kind: 'select',
  path: `${S}.volume_profile`,
  label: 'Intraday profile',
  required: false,
  defaultValue: SYNTHETIC_DEFAULTS.volume_profile,
  hint: 'Volume and volatility through the day; U-shape: busy open and close',
  options: [
    { value: 'u_shape', label: 'U-shape' },
    { value: 'flat', label: 'Flat' },
  ],
};

export const MARKET_FIELDS: FieldModel[] = [
  num('seed', 'Market seed', { integer: true, step: 1, defaultValue: DEFAULT_MARKET_SEED, hint: 'Same seed, same market' }),
  num('market_beta', 'Market beta', { min: 0, max: 3, step: 0.1, defaultValue: SYNTHETIC_DEFAULTS.market_beta, hint: 'Correlation to the market; 0: sector moves only' }),
  num('drift', 'Drift', { min: -0.5, max: 0.5, step: 0.01, unit: '/ yr', defaultValue: SYNTHETIC_DEFAULTS.drift, hint: 'Mean annual log drift; 0.03 ≈ 3 %' }),
  num('daily_volume', 'Daily volume', { min: 0, minExclusive: true, step: 100_000, unit: 'shares', defaultValue: SYNTHETIC_DEFAULTS.daily_volume, hint: 'Median symbol; the others 100× around it' }),
  num('spread_bps', 'Quoted spread', { min: 0, max: 1000, step: 0.5, unit: 'bps', defaultValue: SYNTHETIC_DEFAULTS.spread_bps, hint: "Describes the instruments; fills pay Execution's spread" }),
];

export const REGIMES_PATH = `${S}.regimes`;

export const REGIME_SWITCH: FieldModel = { kind: 'boolean', path: REGIMES_PATH, label: 'Calm / turbulent regimes', required: false, wide: true };

export const REGIME_FIELDS: FieldModel[] = [
  num('regimes.turbulent_vol', 'Turbulent volatility', { min: 1, max: 10, step: 0.5, unit: '× calm', defaultValue: SYNTHETIC_DEFAULTS.regimes.turbulent_vol }),
  num('regimes.calm_days', 'Calm spells', { min: 1, step: 10, unit: 'days', defaultValue: SYNTHETIC_DEFAULTS.regimes.calm_days, hint: 'Mean length' }),
  num('regimes.turbulent_days', 'Turbulent spells', { min: 1, step: 5, unit: 'days', defaultValue: SYNTHETIC_DEFAULTS.regimes.turbulent_days, hint: 'Mean length' }),
];

/** Intraday bars: any bar size the spec names other than a day. */
export function isIntraday(synthetic: unknown): boolean {
  const size = getAt(synthetic, 'bar_size');
  return typeof size === 'string' && size !== '' && size !== SYNTHETIC_DEFAULTS.bar_size;
}

/** The inputs the synthetic source shows for its current values, in the form's groups. */
export function syntheticLayout(synthetic: unknown): { main: FieldModel[]; market: FieldModel[]; regimes: FieldModel[] } {
  const intraday = isIntraday(synthetic);
  // Session and profile matter to intraday bars only, but stay in view while set, so their issues have a place.
  const session = intraday || getAt(synthetic, 'session') !== undefined ? SESSION_FIELDS : [];
  const profile = intraday || getAt(synthetic, 'volume_profile') !== undefined ? [VOLUME_PROFILE_FIELD] : [];
  return {
    main: [...BASE_FIELDS, barSizeField(getAt(synthetic, 'bar_size')), ...session],
    market: [...MARKET_FIELDS, ...profile],
    regimes: getAt(synthetic, 'regimes') !== undefined ? REGIME_FIELDS : [],
  };
}

/** Every spec path the synthetic source has an input for right now (where the engine's issues go). */
export function syntheticFieldPaths(synthetic: unknown): string[] {
  const { main, market, regimes } = syntheticLayout(synthetic);
  return [...main, ...market, REGIME_SWITCH, ...regimes].map((f) => f.path);
}
