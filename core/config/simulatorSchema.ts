import { z } from 'zod';

const nonNeg = z.number().finite().nonnegative();
const fraction = z.number().finite().min(0).max(1);

/** Optional per-order commission bounds shared by several models. */
const bounds = {
  /** Minimum charge per order, in currency. */
  minimum: nonNeg.default(0),
  /** Cap as a fraction of the order's traded value (0.01 = 1%); omitted means no cap. */
  maximum_pct: fraction.optional(),
};

export const commissionSchema = z.discriminatedUnion('model', [
  z.object({ model: z.literal('none') }).strict(),
  z.object({ model: z.literal('per_share'), rate: nonNeg, ...bounds }).strict(),
  z.object({ model: z.literal('percent'), rate: fraction, ...bounds }).strict(),
  z.object({ model: z.literal('fixed'), amount: nonNeg }).strict(),
  z
    .object({
      model: z.literal('tiered'),
      /** Per-share rate by shares already traded this calendar month; the last tier has no up_to. */
      tiers: z
        .array(z.object({ up_to: z.number().positive().optional(), rate: nonNeg }).strict())
        .min(1),
      ...bounds,
    })
    .strict(),
  z
    .object({
      model: z.literal('ibkr_fixed'),
      /** SEC and FINRA TAF transaction fees on sales, which IBKR passes through on the Fixed plan too. */
      regulatory_fees: z.boolean().default(true),
    })
    .strict(),
  z
    .object({
      model: z.literal('ibkr_tiered'),
      /** Exchange/clearing, NYSE and FINRA pass-through, SEC and FINRA TAF fees on top of the tier rate. */
      regulatory_fees: z.boolean().default(true),
    })
    .strict(),
]);
export type CommissionConfig = z.infer<typeof commissionSchema>;

export const accountSchema = z
  .object({
    type: z.enum(['cash', 'margin']).default('margin'),
    /** Gross exposure / equity allowed; a cash account is held to 1. */
    max_leverage: z.number().finite().positive().default(2),
    /** Omitted: true for a margin account, false for a cash account (which can never short). See shortsAllowed. */
    allow_short: z.boolean().optional(),
    /** Margin account: below this equity / gross exposure at a close, every position is liquidated at the next open. */
    maintenance_margin: fraction.default(0.25),
  })
  .strict();
export type AccountConfig = z.infer<typeof accountSchema>;

/** Whether the account may open short positions: only a margin account, and only unless allow_short is false. */
export function shortsAllowed(account: AccountConfig): boolean {
  return account.type === 'margin' && account.allow_short !== false;
}

export const FILL_TIMINGS = ['next_open', 'same_close', 'vwap'] as const;
export type FillTiming = (typeof FILL_TIMINGS)[number];

/**
 * Which of an OCO group's orders fills when one bar reaches more than one of them (a take-profit and a
 * stop): the one worst for the trader, the best, the one whose level lies nearer the bar's open, or the
 * one the instrument's lower-size bars in the store reach first (worst_case where there are none).
 */
export const INTRABAR_POLICIES = ['worst_case', 'best_case', 'open_distance', 'finer_bars'] as const;
export type IntrabarPolicy = (typeof INTRABAR_POLICIES)[number];

export const simulatorSchema = z
  .object({
    /** next_open: decided on bar t's close, filled at bar t+1's open. same_close is optimistic. vwap: bar t+1's typical price. */
    fill_timing: z.enum(FILL_TIMINGS).default('next_open'),
    slippage_bps: nonNeg.default(5),
    /** Full quoted spread; a market order pays half of it. */
    spread_bps: nonNeg.default(2),
    /** Square-root impact: impact_k * sigma_daily * sqrt(qty / ADV20), as a fraction of price. 0 turns it off. */
    impact_k: nonNeg.default(0),
    /** touch: a limit fills when the bar reaches it (exact touches with limit_fill_prob); penetrate: only when traded through. */
    limit_fill: z.enum(['touch', 'penetrate']).default('touch'),
    limit_fill_prob: fraction.default(0.9),
    use_volume_constraints: z.boolean().default(true),
    max_participation_rate: z.number().finite().positive().max(1).default(0.1),
    commission: commissionSchema.default({ model: 'ibkr_fixed', regulatory_fees: true }),
    account: accountSchema.prefault({}),
    on_insufficient_funds: z.enum(['reduce', 'reject']).default('reduce'),
    /**
     * Price increment fills print on, after costs, for instruments without a tick of their own; 0 turns
     * rounding off. Omitted: the decimal grid the data is quoted on, 0.01 to 0.00001, else none (see tickSizeFor).
     */
    tick_size: nonNeg.optional(),
    intrabar_policy: z.enum(INTRABAR_POLICIES).default('worst_case'),
  })
  .strict();
export type SimulatorConfig = z.infer<typeof simulatorSchema>;

export const plannerSchema = z
  .object({
    /** execution: weights become quantities against the fill price; decision: against the decision bar's close. */
    size_at: z.enum(['execution', 'decision']).default('execution'),
    /** Orders smaller than this many units are not sent. */
    min_order_quantity: nonNeg.default(1),
    /** Orders worth less than this (in currency) are not sent. */
    min_order_value: nonNeg.default(0),
    /** Quantities are rounded toward zero to a multiple of this; 0 allows fractional units. */
    lot_size: nonNeg.default(1),
    /**
     * Weight targets: a held position is resized only when its weight is off its target by more than
     * min(rebalance_band, rebalance_band_relative x |target|) (the "5/25" rule). Opens, closes and flips
     * always go through. 0 resizes on any drift.
     */
    rebalance_band: fraction.default(0.05),
    rebalance_band_relative: nonNeg.default(0.25),
  })
  .strict();
export type PlannerConfig = z.infer<typeof plannerSchema>;

export const timeMachineSchema = z
  .object({
    /** Strict: reading data after asOf throws. Otherwise such reads return NaN and are counted. */
    strict_mode: z.boolean().default(true),
  })
  .strict();
export type TimeMachineConfig = z.infer<typeof timeMachineSchema>;

export const defaultSimulatorConfig = (): SimulatorConfig => simulatorSchema.parse({});
