import type { RunDetail } from '../../../core/ipc/contract/backtests';
import { fmtDate, fmtNumber } from '../../components/common/format';

export interface AssumptionRow {
  label: string;
  value: string;
  /** Why this setting flatters the result, when it does. */
  warning?: string;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
/** 0.1 → "10 %", tidy for fractions from the config. */
const pctOf = (v: unknown): string => {
  const n = num(v);
  return n === null ? '—' : `${Number((n * 100).toFixed(4))} %`;
};
const bps = (v: unknown): string => (num(v) === null ? '—' : `${num(v)} bps`);

/** One line for a commission model, in the terms of the README's commission table. */
export function describeCommission(c: Obj): string {
  const bounds = [
    num(c.minimum) ? `min ${fmtNumber(num(c.minimum))}` : null,
    num(c.maximum_pct) !== null ? `max ${pctOf(c.maximum_pct)} of value` : null,
  ].filter(Boolean);
  const fees = c.regulatory_fees === false ? 'no regulatory fees' : 'with regulatory fees';
  const tail = bounds.length ? `, ${bounds.join(', ')}` : '';
  switch (c.model) {
    case 'none':
      return 'none';
    case 'per_share':
      return `per share: ${str(c.rate)}/share${tail}`;
    case 'percent':
      return `percent: ${pctOf(c.rate)} of value${tail}`;
    case 'fixed':
      return `fixed: ${fmtNumber(num(c.amount))} per order`;
    case 'tiered':
      return `tiered: ${Array.isArray(c.tiers) ? c.tiers.length : 0} tiers${tail}`;
    case 'ibkr_fixed':
      return `IBKR Pro Fixed, ${fees}`;
    case 'ibkr_tiered':
      return `IBKR Pro Tiered, ${fees}`;
    default:
      return str(c.model);
  }
}

/**
 * One line for the data source. Reads both shapes a config may hold: the spec's
 * (`{csv}`, `{synthetic}`, `{store}`) and the resolved one (`{kind, ...}`).
 */
export function describeData(d: Obj): string {
  const kind = typeof d.kind === 'string' ? d.kind : ['csv', 'synthetic', 'store'].find((k) => k in d);
  const src = typeof d.kind === 'string' ? d : obj(d[kind ?? '']);
  const adjustment = typeof d.adjustment === 'string' ? d.adjustment : null;
  if (kind === 'synthetic') return `synthetic: ${str(src.symbols)} symbols × ${str(src.years)} years from ${str(src.start ?? '2000-01-03')}, seed ${str(src.seed ?? 1)}`;
  if (kind === 'csv') {
    const entries: unknown[] = Array.isArray(d.files) ? d.files : Array.isArray(d.csv) ? d.csv : [d.csv];
    const files = entries.map((f) => (typeof f === 'string' ? f : str(obj(f).path ?? obj(f).csv)));
    const shown = files.length > 3 ? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more` : files.join(', ');
    return `CSV${adjustment ? ` (${adjustment})` : ''}: ${shown}`;
  }
  if (kind === 'store') {
    const list: unknown[] = Array.isArray(src.symbols) ? src.symbols : [];
    const symbols = !Array.isArray(src.symbols) ? 'every symbol' : list.length <= 3 ? list.map(str).join(', ') : `${list.length} symbols`;
    const detail = [str(src.barSize ?? src.bar_size), adjustment].filter(Boolean).join(', ');
    return `bar store (${detail}): ${symbols}`;
  }
  return str(d);
}

function describeAccount(a: Obj): string {
  const parts = [str(a.type)];
  if (num(a.max_leverage) !== null && a.type !== 'cash') parts.push(`leverage ${num(a.max_leverage)}×`);
  parts.push(a.allow_short === false || a.type === 'cash' ? 'no shorts' : 'shorts allowed');
  if (a.type !== 'cash' && num(a.maintenance_margin) !== null) parts.push(`maintenance ${pctOf(a.maintenance_margin)}`);
  return parts.join(', ');
}

function describeStrategy(s: Obj): string {
  const name = typeof s.module === 'string' ? `module ${s.module}` : str(s.name);
  const params = Object.entries(obj(s.params)).map(([k, v]) => `${k}=${str(v)}`);
  return params.length ? `${name} (${params.join(', ')})` : name;
}

/** The grid fills print on: a spec's tick_size, or by default the decimal grid the data is quoted on. */
function describeTick(tick: unknown): string {
  if (tick === undefined) return 'the grid the data is quoted on, 0.01 to 0.00001, else unrounded (default)';
  return num(tick) ? `${num(tick)}, fills at the nearest tick` : 'unrounded';
}

/** The intrabar policy, with how often it decided something (from the run's metrics). */
export function describeIntrabar(policy: unknown, metrics: Obj): string {
  if (policy === undefined) return 'worst_case (recorded before linked orders existed)';
  const n = num(metrics.intrabar_ambiguous_bars);
  const missing = num(metrics.intrabar_without_finer_bars);
  const decided = n === null ? '' : ` — ${n} bar${n === 1 ? '' : 's'} reached two orders of one OCO group`;
  return `${str(policy)}${decided}${missing ? `, ${missing} without finer bars (decided worst_case)` : ''}`;
}

/** The pre-trade limits every order passed, or off. */
export function describeRisk(checks: unknown): string {
  if (checks === undefined) return 'not run (recorded before risk checks ran in backtests)';
  if (checks === 'off') return 'off';
  const set = Object.entries(obj(checks)).filter(([key, v]) => (key === 'allowed_symbols' ? Array.isArray(v) && v.length > 0 : v !== null));
  return set.length === 0 ? 'on, no limit set' : `on: ${set.map(([key, v]) => `${key} ${str(v)}`).join(', ')}`;
}

/** The run's universe by name, the first few when it is large. */
export function describeSymbols(symbols: readonly string[]): string {
  if (symbols.length === 0) return '—';
  const SHOWN = 8;
  const head = symbols.slice(0, SHOWN).join(', ');
  return symbols.length > SHOWN ? `${head} and ${symbols.length - SHOWN} more (${symbols.length})` : head;
}

/** Everything the run's numbers depend on, read from the recorded config and the run's own fields. */
export function assumptionRows(run: RunDetail): AssumptionRow[] {
  const c = run.config;
  const sim = obj(c.simulator);
  const planner = obj(c.planner);
  const fillTiming = str(sim.fill_timing);
  return [
    { label: 'Strategy', value: describeStrategy(obj(c.strategy)) },
    { label: 'Period', value: `${fmtDate(run.periodStart)} → ${fmtDate(run.periodEnd)}` },
    { label: 'Initial cash', value: fmtNumber(run.initialCash) },
    {
      label: 'Fill timing',
      value: fillTiming,
      warning: fillTiming === 'same_close' ? 'optimistic: fills at the close the decision was made on' : undefined,
    },
    {
      label: 'Intrabar policy',
      value: describeIntrabar(sim.intrabar_policy, obj(run.metrics)),
      warning: sim.intrabar_policy === 'best_case' ? 'optimistic: a bar reaching a target and a stop fills the target' : undefined,
    },
    { label: 'Risk checks', value: describeRisk(c.risk_checks) },
    { label: 'Slippage', value: bps(sim.slippage_bps) },
    { label: 'Spread', value: `${bps(sim.spread_bps)} (a market order pays half)` },
    { label: 'Market impact', value: num(sim.impact_k) ? `k = ${num(sim.impact_k)} × σ20 × √(qty/ADV20)` : 'off' },
    { label: 'Limit fills', value: `${str(sim.limit_fill)}, touch fill probability ${str(sim.limit_fill_prob)}` },
    {
      label: 'Participation',
      value: sim.use_volume_constraints === false ? 'unconstrained' : `at most ${pctOf(sim.max_participation_rate)} of bar volume`,
      warning: sim.use_volume_constraints === false ? 'any size fills, whatever the volume' : undefined,
    },
    { label: 'Commission', value: describeCommission(obj(sim.commission)) },
    { label: 'Account', value: describeAccount(obj(sim.account)) },
    { label: 'Insufficient funds', value: str(sim.on_insufficient_funds) },
    { label: 'Tick size', value: describeTick(sim.tick_size) },
    {
      label: 'End of run',
      value: c.close_at_end === true ? 'positions closed at the last close, with costs' : 'positions left open, marked at the last close',
    },
    { label: 'Sizing', value: `at ${str(planner.size_at)}, lot ${str(planner.lot_size)}, min qty ${str(planner.min_order_quantity)}` },
    { label: 'Benchmark', value: str(c.benchmark) },
    { label: 'Seed', value: String(run.seed) },
    { label: 'Data', value: describeData(obj(c.data)) },
    { label: 'Symbols', value: describeSymbols(run.symbols) },
    { label: 'Data fingerprint', value: run.dataFingerprint },
    { label: 'App version', value: run.appVersion },
  ];
}
