import type { ORDER_SORT_FIELDS, OrderRowDto } from '../../../../core/ipc/contract/backtests';
import { EMPTY, fmtDate, fmtInt, fmtNumber } from '../../../components/common/format';
import type { Column } from '../../../components/table/VirtualTable';
import { Price } from './Price';

export type OrderSortField = (typeof ORDER_SORT_FIELDS)[number];

function LimitStop({ r }: { r: OrderRowDto }) {
  if (r.limitPrice === null && r.stopPrice === null) return <>{EMPTY}</>;
  return (
    <>
      {r.limitPrice !== null && (
        <>
          L <Price instrument={r.instrument} value={r.limitPrice} />
        </>
      )}
      {r.limitPrice !== null && r.stopPrice !== null && ' '}
      {r.stopPrice !== null && (
        <>
          S <Price instrument={r.instrument} value={r.stopPrice} />
        </>
      )}
    </>
  );
}

/** Every order the run placed, with its final status and the reason for it; the widths add up to fit a 1,600 px window beside the side panel. */
export const orderColumns: readonly Column<OrderRowDto, OrderSortField>[] = [
  { id: 'createdAt', header: 'Created', width: 96, sortField: 'createdAt', cell: (r) => fmtDate(r.createdAt) },
  { id: 'instrument', header: 'Symbol', width: 80, sortField: 'instrument', cell: (r) => r.instrument },
  { id: 'side', header: 'Side', width: 56, sortField: 'side', cell: (r) => <span className={r.side === 'BUY' ? 'pos' : 'neg'}>{r.side}</span> },
  { id: 'type', header: 'Type', width: 76, sortField: 'type', cell: (r) => r.type },
  { id: 'quantity', header: 'Qty', width: 76, align: 'right', sortField: 'quantity', firstDir: 'desc', cell: (r) => fmtInt(r.quantity) },
  {
    id: 'status',
    header: 'Status',
    width: 112,
    sortField: 'status',
    cell: (r) => <span className={`order-status order-status--${r.status.toLowerCase()}`}>{r.status}</span>,
  },
  { id: 'reason', header: 'Reason', width: 160, cell: (r) => <span title={r.statusReason ?? undefined}>{r.statusReason ?? EMPTY}</span> },
  { id: 'filledQuantity', header: 'Filled', width: 76, align: 'right', sortField: 'filledQuantity', firstDir: 'desc', cell: (r) => fmtInt(r.filledQuantity) },
  { id: 'avgFillPrice', header: 'Avg price', width: 88, align: 'right', sortField: 'avgFillPrice', cell: (r) => (r.filledQuantity > 0 ? <Price instrument={r.instrument} value={r.avgFillPrice} /> : EMPTY) },
  { id: 'commission', header: 'Commission', width: 104, align: 'right', sortField: 'commission', firstDir: 'desc', cell: (r) => fmtNumber(r.commission) },
  { id: 'limitStop', header: 'Limit / stop', width: 108, align: 'right', cell: (r) => <LimitStop r={r} /> },
  { id: 'tif', header: 'TIF', width: 56, cell: (r) => r.timeInForce },
  { id: 'intent', header: 'Intent', width: 88, cell: (r) => r.intent ?? EMPTY },
];
