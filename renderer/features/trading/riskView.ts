import type { BreakerDto, CheckOrderResult, KillSwitchCancelDto, KillSwitchReportDto } from '../../../core/ipc/contract/trading';

export type RiskCheck = CheckOrderResult['risk']['checks'][number];
export type RiskCheckName = RiskCheck['check'];

export const CHECK_LABELS: Record<RiskCheckName, string> = {
  symbol: 'Symbol allowed',
  quantity: 'Quantity',
  lot_size: 'Lot size',
  max_quantity: 'Max quantity',
  prices: 'Prices',
  price_band: 'Price band',
  order_notional: 'Order size',
  position: 'Max position',
  leverage: 'Leverage',
  buying_power: 'Buying power',
};

/** The ticket's verdict, failed checks first, then the rest in the engine's order; checks without a limit are left out. */
export function checksToShow(checks: readonly RiskCheck[]): RiskCheck[] {
  const shown = checks.filter((c) => c.status !== 'off');
  return [...shown.filter((c) => c.status === 'fail'), ...shown.filter((c) => c.status !== 'fail')];
}

export interface BreakerView {
  label: string;
  tone: 'ok' | 'bad' | 'idle';
  /** How close it is to tripping, or why it tripped. */
  detail: string;
}

export function breakerView(b: BreakerDto): BreakerView {
  if (!b.enabled) return { label: 'Off', tone: 'idle', detail: 'No circuit breaker is configured for this mode.' };
  if (b.tripped) return { label: 'Tripped', tone: 'bad', detail: b.reason ?? 'Tripped: reset it to trade again.' };
  const window = b.windowSeconds === null ? '' : ` within ${b.windowSeconds} s`;
  return { label: 'Armed', tone: 'ok', detail: `${b.recentCount} of ${b.maxRejections ?? '—'} refusals${window} before it halts trading.` };
}

type CancelOutcome = KillSwitchCancelDto['outcome'];

/** Each cancel outcome in the trader's words, in the order the report lists them. */
export const CANCEL_OUTCOME_LABELS: Record<CancelOutcome, string> = {
  confirmed: 'cancel confirmed by the broker',
  never_sent: 'never left the app (withdrawn before sending)',
  not_found: 'not known to the broker',
  refused: 'cancel refused by the broker',
  filled: 'filled before the cancel',
  pending: 'no answer from the broker yet',
  not_requested: 'not cancelled here',
};

/** What the kill switch did, in sentences for the trader: a count per outcome, each refusal, each flattening order. */
export function killSwitchLines(r: KillSwitchReportDto): string[] {
  const lines: string[] = [];
  const n = r.cancelled.length;
  if (n === 0) lines.push('No open order to cancel.');
  else {
    const counts = (Object.keys(CANCEL_OUTCOME_LABELS) as CancelOutcome[])
      .map((o) => [o, r.cancelled.filter((c) => c.outcome === o).length] as const)
      .filter(([, k]) => k > 0)
      .map(([o, k]) => `${k} ${CANCEL_OUTCOME_LABELS[o]}`);
    lines.push(`${n} open order${n === 1 ? '' : 's'}: ${counts.join(', ')}.`);
  }
  for (const c of r.cancelled) if (!c.accepted) lines.push(`Order ${c.orderId} not cancelled: ${c.reason ?? 'refused'}.`);
  for (const f of r.flatten) {
    const what = `${f.side} ${f.quantity} ${f.instrument} at market`;
    lines.push(f.accepted ? `Flatten: ${what} sent (order ${f.orderId}).` : `Flatten: ${what} refused: ${f.reason ?? 'no reason given'}.`);
  }
  return lines;
}
