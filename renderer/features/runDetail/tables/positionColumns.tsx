import type { PositionRowDto } from '../../../../core/ipc/contract/backtests';
import { fmtInt, fmtNumber, signClass } from '../../../components/common/format';
import type { Column } from '../../../components/table/VirtualTable';
import { Price } from './Price';

/** Positions held at a session's close. */
export const positionColumns: readonly Column<PositionRowDto>[] = [
  { id: 'instrument', header: 'Symbol', width: 80, cell: (r) => r.instrument },
  { id: 'quantity', header: 'Qty', width: 80, align: 'right', cell: (r) => <span className={signClass(r.quantity)}>{fmtInt(r.quantity)}</span> },
  { id: 'avgCost', header: 'Avg cost', width: 92, align: 'right', cell: (r) => <Price instrument={r.instrument} value={r.avgCost} /> },
  { id: 'marketValue', header: 'Market value', width: 120, align: 'right', cell: (r) => fmtNumber(r.marketValue) },
  { id: 'unrealizedPnl', header: 'Unrealized', width: 108, align: 'right', cell: (r) => <span className={signClass(r.unrealizedPnl)}>{fmtNumber(r.unrealizedPnl)}</span> },
  { id: 'realizedPnl', header: 'Realized', width: 100, align: 'right', cell: (r) => <span className={signClass(r.realizedPnl)}>{fmtNumber(r.realizedPnl)}</span> },
];
