import type { FieldModel, NumberField } from './fieldModel';

/** The spec's own inputs (the strategy's come from its schema). Labels and units for a trader. */

const num = (path: string, label: string, extra: Partial<NumberField> = {}): NumberField => ({
  kind: 'number',
  path,
  label,
  required: false,
  integer: false,
  ...extra,
});

const select = (path: string, label: string, values: readonly string[], hint?: string): FieldModel => ({
  kind: 'select',
  path,
  label,
  hint,
  required: false,
  options: values.map((v) => ({ value: v, label: v.replace(/_/g, ' ') })),
});

export const GENERAL_FIELDS: FieldModel[] = [
  { kind: 'text', path: 'name', label: 'Name', required: true },
  num('initial_cash', 'Initial cash', { min: 0, minExclusive: true, step: 1000, defaultValue: 10000 }),
  num('seed', 'Seed', { integer: true, step: 1, defaultValue: 42, hint: 'Recorded with the run; same data, config and seed give the same fills' }),
  select('benchmark', 'Benchmark', ['buy_and_hold', 'none']),
  { kind: 'boolean', path: 'close_at_end', label: 'Close positions at the end', required: false, hint: "Sell and cover at the last session's close, with costs" },
];

export const PERIOD_FIELDS: FieldModel[] = [
  { kind: 'date', path: 'start', label: 'Start', required: false, hint: 'Empty: from the first bar' },
  { kind: 'date', path: 'end', label: 'End (inclusive)', required: false, hint: 'Empty: to the last bar' },
];

export const EXECUTION_FIELDS: FieldModel[] = [
  select('simulator.fill_timing', 'Fill timing', ['next_open', 'same_close', 'vwap'], 'same_close is optimistic: it fills on the close the decision saw'),
  num('simulator.slippage_bps', 'Slippage', { min: 0, step: 0.5, unit: 'bps' }),
  num('simulator.spread_bps', 'Spread', { min: 0, step: 0.5, unit: 'bps', hint: 'Full quoted spread; a market order pays half' }),
  num('simulator.impact_k', 'Impact k', { min: 0, step: 0.05, hint: 'Square-root market impact; 0 turns it off' }),
  { kind: 'boolean', path: 'simulator.use_volume_constraints', label: 'Limit fills by bar volume', required: false },
  num('simulator.max_participation_rate', 'Max participation', { min: 0, minExclusive: true, max: 1, step: 0.01, unit: 'of volume' }),
  select('simulator.limit_fill', 'Limit fills', ['touch', 'penetrate']),
  num('simulator.limit_fill_prob', 'Touch fill probability', { min: 0, max: 1, step: 0.05 }),
  select('simulator.on_insufficient_funds', 'Insufficient funds', ['reduce', 'reject']),
  num('simulator.tick_size', 'Tick size', { min: 0, step: 0.01, hint: 'Fills print on this grid after costs; 0 turns it off. Empty: the decimal grid the data is quoted on (0.01 to 0.00001)' }),
];

export const ACCOUNT_FIELDS: FieldModel[] = [
  select('simulator.account.type', 'Account', ['margin', 'cash']),
  num('simulator.account.max_leverage', 'Max leverage', { min: 0, minExclusive: true, step: 0.5, unit: '×' }),
  { kind: 'boolean', path: 'simulator.account.allow_short', label: 'Allow short selling', required: false },
  num('simulator.account.maintenance_margin', 'Maintenance margin', { min: 0, max: 1, step: 0.05 }),
];

export const PLANNER_FIELDS: FieldModel[] = [
  select('planner.size_at', 'Size at', ['execution', 'decision']),
  num('planner.lot_size', 'Lot size', { min: 0, step: 1, hint: '0 allows fractional units' }),
  num('planner.min_order_quantity', 'Min order quantity', { min: 0, step: 1 }),
  num('planner.min_order_value', 'Min order value', { min: 0, step: 10 }),
  { kind: 'boolean', path: 'time_machine.strict_mode', label: 'Strict no-look-ahead', required: false },
];

export const COMMISSION_MODELS = ['ibkr_fixed', 'ibkr_tiered', 'per_share', 'percent', 'fixed', 'tiered', 'none'] as const;
export type CommissionModel = (typeof COMMISSION_MODELS)[number];

export const COMMISSION_LABELS: Record<CommissionModel, string> = {
  ibkr_fixed: 'IBKR Pro Fixed',
  ibkr_tiered: 'IBKR Pro Tiered',
  per_share: 'Per share',
  percent: 'Percent of value',
  fixed: 'Fixed per order',
  tiered: 'Tiered per share',
  none: 'None',
};

/** What a newly picked model starts with: values that make a sensible, valid spec. */
export const COMMISSION_DEFAULTS: Record<CommissionModel, Record<string, unknown>> = {
  ibkr_fixed: { model: 'ibkr_fixed', regulatory_fees: true },
  ibkr_tiered: { model: 'ibkr_tiered', regulatory_fees: true },
  per_share: { model: 'per_share', rate: 0.005, minimum: 1 },
  percent: { model: 'percent', rate: 0.001, minimum: 0 },
  fixed: { model: 'fixed', amount: 1 },
  tiered: { model: 'tiered', tiers: [{ up_to: 300000, rate: 0.0035 }, { rate: 0.002 }], minimum: 0.35 },
  none: { model: 'none' },
};

const C = 'simulator.commission';
const rate = (max?: number) => num(`${C}.rate`, 'Rate', { min: 0, max, step: 0.0005 });
const bounds = [num(`${C}.minimum`, 'Minimum per order', { min: 0, step: 0.05 }), num(`${C}.maximum_pct`, 'Cap', { min: 0, max: 1, step: 0.005, unit: 'of value' })];
const fees: FieldModel = { kind: 'boolean', path: `${C}.regulatory_fees`, label: 'Regulatory fees (SEC, FINRA TAF)', required: false };

export const COMMISSION_FIELDS: Record<CommissionModel, FieldModel[]> = {
  ibkr_fixed: [fees],
  ibkr_tiered: [fees],
  per_share: [rate(), ...bounds],
  percent: [rate(1), ...bounds],
  fixed: [num(`${C}.amount`, 'Amount per order', { min: 0, step: 0.5 })],
  tiered: [
    { kind: 'json', path: `${C}.tiers`, label: 'Tiers', required: true, hint: 'JSON list of {up_to, rate}; the last tier has no up_to' },
    ...bounds,
  ],
  none: [],
};

export const isCommissionModel = (v: unknown): v is CommissionModel => COMMISSION_MODELS.includes(v as CommissionModel);
