import type { FillRow, OrderRow, PositionSnapshotRow, TradeRow } from '../../store/rows';

export type ExportTable = 'trades' | 'orders' | 'fills' | 'positions';

/** How a readable export prints a field: a time as ISO, a price at its instrument's precision, money in cents. */
export type ExportKind = 'time' | 'price' | 'money' | 'pct' | 'qty' | 'text';

export interface ExportColumn {
  readonly field: string;
  readonly header: string;
  readonly kind: ExportKind;
}

const c = <R>(field: keyof R & string, header: string, kind: ExportKind): ExportColumn => ({ field, header, kind });

/** Every exported column of each table, in order; a raw export heads them with the field names. */
export const EXPORT_COLUMNS: Record<ExportTable, readonly ExportColumn[]> = {
  trades: [
    c<TradeRow>('instrument', 'Symbol', 'text'),
    c<TradeRow>('direction', 'Side', 'text'),
    c<TradeRow>('status', 'Status', 'text'),
    c<TradeRow>('quantity', 'Quantity', 'qty'),
    c<TradeRow>('entryTs', 'Entry time (UTC)', 'time'),
    c<TradeRow>('entryPrice', 'Entry price', 'price'),
    c<TradeRow>('exitTs', 'Exit time (UTC)', 'time'),
    c<TradeRow>('exitPrice', 'Exit price', 'price'),
    c<TradeRow>('exitReason', 'Exit reason', 'text'),
    c<TradeRow>('pnl', 'Net P&L', 'money'),
    c<TradeRow>('returnPct', 'Return %', 'pct'),
    c<TradeRow>('commission', 'Commission', 'money'),
    c<TradeRow>('barsHeld', 'Bars held', 'text'),
    c<TradeRow>('mae', 'MAE', 'money'),
    c<TradeRow>('maePct', 'MAE %', 'pct'),
    c<TradeRow>('mfe', 'MFE', 'money'),
    c<TradeRow>('mfePct', 'MFE %', 'pct'),
    c<TradeRow>('cumulativePnl', 'Cumulative P&L', 'money'),
    c<TradeRow>('markPrice', 'Mark price', 'price'),
    c<TradeRow>('unrealizedPnl', 'Unrealized P&L', 'money'),
  ],
  orders: [
    c<OrderRow>('id', 'Order', 'text'),
    c<OrderRow>('clientOrderRef', 'Client ref', 'text'),
    c<OrderRow>('instrument', 'Symbol', 'text'),
    c<OrderRow>('side', 'Side', 'text'),
    c<OrderRow>('type', 'Type', 'text'),
    c<OrderRow>('quantity', 'Quantity', 'qty'),
    c<OrderRow>('limitPrice', 'Limit price', 'price'),
    c<OrderRow>('stopPrice', 'Stop price', 'price'),
    c<OrderRow>('timeInForce', 'Time in force', 'text'),
    c<OrderRow>('status', 'Status', 'text'),
    c<OrderRow>('filledQuantity', 'Filled', 'qty'),
    c<OrderRow>('avgFillPrice', 'Average fill price', 'price'),
    c<OrderRow>('commission', 'Commission', 'money'),
    c<OrderRow>('statusReason', 'Status reason', 'text'),
    c<OrderRow>('createdAt', 'Created (UTC)', 'time'),
    c<OrderRow>('updatedAt', 'Updated (UTC)', 'time'),
    c<OrderRow>('intent', 'Intent', 'text'),
  ],
  fills: [
    c<FillRow>('id', 'Fill', 'text'),
    c<FillRow>('orderId', 'Order', 'text'),
    c<FillRow>('instrument', 'Symbol', 'text'),
    c<FillRow>('side', 'Side', 'text'),
    c<FillRow>('quantity', 'Quantity', 'qty'),
    c<FillRow>('price', 'Price', 'price'),
    c<FillRow>('commission', 'Commission', 'money'),
    c<FillRow>('slippage', 'Slippage cost', 'money'),
    c<FillRow>('referencePrice', 'Reference price', 'price'),
    c<FillRow>('ts', 'Time (UTC)', 'time'),
  ],
  // Every position held at every session's close, session by session.
  positions: [
    c<PositionSnapshotRow>('ts', 'Session (UTC)', 'time'),
    c<PositionSnapshotRow>('instrument', 'Symbol', 'text'),
    c<PositionSnapshotRow>('quantity', 'Quantity', 'qty'),
    c<PositionSnapshotRow>('avgCost', 'Average cost', 'price'),
    c<PositionSnapshotRow>('marketPrice', 'Market price', 'price'),
    c<PositionSnapshotRow>('marketValue', 'Market value', 'money'),
    c<PositionSnapshotRow>('unrealizedPnl', 'Unrealized P&L', 'money'),
    c<PositionSnapshotRow>('realizedPnl', 'Realized P&L', 'money'),
  ],
};
