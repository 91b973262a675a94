import type { BreakerDto, CheckOrderResult, KillSwitchReportDto } from '../../../core/ipc/contract/trading';

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

/** What the kill switch did, in sentences for the trader. */
export function killSwitchLines(r: KillSwitchReportDto): string[] {
  const lines: string[] = [];
  const refused = r.cancelled.filter((c) => !c.accepted);
  lines.push(
    r.cancelled.length === 0
      ? 'No open order to cancel.'
      : `Cancel sent for ${r.cancelled.length - refused.length} of ${r.cancelled.length} open order${r.cancelled.length === 1 ? '' : 's'}.`,
  );
  for (const c of refused) lines.push(`Order ${c.orderId} not cancelled: ${c.reason ?? 'refused'}.`);
  for (const f of r.flatten) {
    const what = `${f.side} ${f.quantity} ${f.instrument} at market`;
    lines.push(f.accepted ? `Flatten: ${what} sent (order ${f.orderId}).` : `Flatten: ${what} refused: ${f.reason ?? 'no reason given'}.`);
  }
  return lines;
}
