import { z } from 'zod';
import { parseBarSize } from './resample';
import { SYNTHETIC_DEFAULTS } from './syntheticDefaults';

export { SYNTHETIC_DEFAULTS };

const DAY_SECONDS = 86_400;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of an 'HH:MM' wall-clock time (validated by the schema). */
export function minutesOfDay(hhmm: string): number {
  const m = HH_MM.exec(hhmm);
  if (!m) throw new RangeError(`"${hhmm}" is not a time of day (HH:MM)`);
  return Number(m[1]) * 60 + Number(m[2]);
}

const barSizeSchema = z.string().superRefine((text, ctx) => {
  try {
    const b = parseBarSize(text);
    if (b.kind !== 'seconds' || b.seconds > DAY_SECONDS || b.seconds < 60) {
      ctx.addIssue({ code: 'custom', message: "expected '1d' or an intraday size of whole minutes ('1m', '5m', '15m', '1h')" });
    }
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
  }
});

const timeOfDay = z.string().regex(HH_MM, { message: 'expected a time of day like 09:30' });

/**
 * The optional knobs of the synthetic market, in the spec's snake_case (the generator takes them as is).
 * Every key may be left out: SYNTHETIC_DEFAULTS says what that means.
 */
export const syntheticKnobsSchema = z.object({
  bar_size: barSizeSchema.optional().describe("'1d' (default) or intraday bars of whole minutes within the session, e.g. '5m'"),
  session: z
    .object({ open: timeOfDay, close: timeOfDay })
    .strict()
    .refine((s) => minutesOfDay(s.open) < minutesOfDay(s.close), { message: 'the session must close after it opens', path: ['close'] })
    .optional()
    .describe('Intraday session in exchange time (default 09:30 to 16:00); bars are stamped at their end'),
  regimes: z
    .object({
      turbulent_vol: z.number().finite().min(1).max(10).default(SYNTHETIC_DEFAULTS.regimes.turbulent_vol).describe('Volatility in the turbulent regime, as a multiple of calm'),
      calm_days: z.number().finite().min(1).default(SYNTHETIC_DEFAULTS.regimes.calm_days).describe('Mean length of a calm spell, in trading days'),
      turbulent_days: z.number().finite().min(1).default(SYNTHETIC_DEFAULTS.regimes.turbulent_days).describe('Mean length of a turbulent spell, in trading days'),
    })
    .strict()
    .optional()
    .describe('Calm/turbulent Markov switching of market-wide volatility (default: off, volatility clusters by GARCH alone)'),
  market_beta: z.number().finite().min(0).max(3).optional().describe('Mean loading on the market factor: 0 leaves only sector correlation, above 1 correlates symbols more (default 1)'),
  drift: z.number().finite().min(-0.5).max(0.5).optional().describe('Mean annual log drift; each symbol draws within +/- 3 % of it (default 0.03)'),
  daily_volume: z.number().finite().positive().optional().describe('Typical daily volume in shares of the median symbol; symbols spread 100x around it (default 1,000,000)'),
  volume_profile: z.enum(['u_shape', 'flat']).optional().describe("Intraday volume and volatility through the session: 'u_shape' (busy open and close, the default) or 'flat'"),
  spread_bps: z.number().finite().min(0).max(1000).optional().describe('Bid-ask spread of a typically liquid symbol, in basis points; less liquid symbols get wider ones (default 5)'),
});
export type SyntheticKnobs = z.input<typeof syntheticKnobsSchema>;

/** Every option of the synthetic market, for a form: the base keys plus the knobs. */
export const syntheticOptionsSchema = z
  .object({
    symbols: z.number().int().min(0).describe('Number of symbols, SYN000, SYN001, ...'),
    years: z.number().finite().positive().describe('Length in years of about 252 trading days'),
    seed: z.number().int().describe('Same seed, same market'),
    start: z.iso.date().optional().describe('First session (YYYY-MM-DD), moved to a weekday; default 2000-01-03'),
  })
  .extend(syntheticKnobsSchema.shape)
  .strict();
export type SyntheticMarketOptions = z.input<typeof syntheticOptionsSchema>;
