import type { FILL_SORT_FIELDS, FillRowDto } from '../../../../core/ipc/contract/backtests';
import { fmtDate, fmtInt, fmtNumber, signClass } from '../../../components/common/format';
import type { Column } from '../../../components/table/VirtualTable';
import { Price } from './Price';

export type FillSortField = (typeof FILL_SORT_FIELDS)[number];

/** Each execution, with what it cost beyond the reference price. */
export const fillColumns: readonly Column<FillRowDto, FillSortField>[] = [
  { id: 'ts', header: 'Date', width: 96, sortField: 'ts', cell: (r) => fmtDate(r.ts) },
  { id: 'instrument', header: 'Symbol', width: 80, sortField: 'instrument', cell: (r) => r.instrument },
  { id: 'side', header: 'Side', width: 56, sortField: 'side', cell: (r) => <span className={r.side === 'BUY' ? 'pos' : 'neg'}>{r.side}</span> },
  { id: 'quantity', header: 'Qty', width: 80, align: 'right', sortField: 'quantity', firstDir: 'desc', cell: (r) => fmtInt(r.quantity) },
  { id: 'price', header: 'Price', width: 92, align: 'right', sortField: 'price', firstDir: 'desc', cell: (r) => <Price instrument={r.instrument} value={r.price} /> },
  { id: 'referencePrice', header: 'Reference', width: 92, align: 'right', cell: (r) => <Price instrument={r.instrument} value={r.referencePrice} /> },
  {
    id: 'slippage',
    header: 'Slippage',
    width: 88,
    align: 'right',
    sortField: 'slippage',
    firstDir: 'desc',
    // Slippage is signed as a cost: positive hurts.
    cell: (r) => <span className={signClass(-r.slippage)}>{fmtNumber(r.slippage)}</span>,
  },
  { id: 'commission', header: 'Commission', width: 104, align: 'right', sortField: 'commission', firstDir: 'desc', cell: (r) => fmtNumber(r.commission) },
  { id: 'orderId', header: 'Order', width: 120, cell: (r) => <span className="mono muted" title={r.orderId}>{r.orderId.slice(0, 8)}</span> },
];
