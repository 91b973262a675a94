import { useState, type KeyboardEvent } from 'react';
import type { TradingOrderDto } from '../../../core/ipc/contract/trading';
import { ORDER_STATUS_VIEW } from './orderStatusView';
import { modifyDraftOf, readModify, type ModifyChanges, type ModifyDraft } from './modifyModel';
import { needsLimit, needsStop, TYPE_LABELS } from './ticketModel';
import { fmtClock, fmtPrice, fmtQty } from './tradingFormat';

interface Props {
  order: TradingOrderDto;
  busy: boolean;
  onCancel: () => void;
  onModify: (changes: ModifyChanges) => void;
}

/** One working order; Modify turns its quantity and prices into inputs (Enter saves, Esc leaves them). */
export function OrderRow({ order: o, busy, onCancel, onModify }: Props) {
  const [draft, setDraft] = useState<ModifyDraft | null>(null);
  const reading = draft ? readModify(o, draft) : null;
  const save = (): void => {
    if (!reading?.ok) return;
    onModify(reading.changes);
    setDraft(null);
  };
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter') {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setDraft(null);
    }
  };
  const edit = (field: keyof ModifyDraft, label: string) =>
    draft && (
      <input
        className="input input--cell"
        inputMode="decimal"
        aria-label={`${label} of order ${o.id}`}
        data-testid={`modify-${field}`}
        value={draft[field]}
        onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
        onKeyDown={onKey}
      />
    );

  return (
    <tr data-testid="order-row" data-order-id={o.id} data-status={o.status} data-symbol={o.instrument}>
      <td className="muted">{fmtClock(o.createdAt)}</td>
      <td className="cell-name">{o.instrument}</td>
      <td className={o.side === 'BUY' ? 'pos' : 'neg'}>{o.side}</td>
      <td>{TYPE_LABELS[o.type]}</td>
      <td className="num">{draft ? edit('quantity', 'Quantity') : fmtQty(o.quantity)}</td>
      <td className="num">{fmtQty(o.filledQuantity)}</td>
      <td className="num">{draft && needsLimit(o.type) ? edit('limitPrice', 'Limit price') : fmtPrice(o.limitPrice)}</td>
      <td className="num">{draft && needsStop(o.type) ? edit('stopPrice', 'Stop price') : fmtPrice(o.stopPrice)}</td>
      <td>{o.timeInForce}</td>
      <td>
        <span className={`badge badge--order-${o.status.toLowerCase()}`} data-testid="order-status" title={ORDER_STATUS_VIEW[o.status].hint}>
          {ORDER_STATUS_VIEW[o.status].label}
        </span>
        {/* The broker names an order still held in the app's outgoing message pacing in its reason. */}
        {o.statusReason?.startsWith('queued') && (
          <span className="badge badge--delayed" data-testid="order-queued" title={o.statusReason}>
            queued
          </span>
        )}
      </td>
      <td className="cell-actions">
        {draft ? (
          <>
            <button type="button" className="btn btn--small btn--primary" data-testid="modify-save" disabled={!reading?.ok || busy} title={reading && !reading.ok ? reading.issue : 'Enter'} onClick={save}>
              Save
            </button>
            <button type="button" className="btn btn--small btn--ghost" data-testid="modify-discard" onClick={() => setDraft(null)}>
              Esc
            </button>
          </>
        ) : (
          <>
            <button type="button" className="btn btn--small" data-testid="order-modify" disabled={busy} onClick={() => setDraft(modifyDraftOf(o))}>
              Modify
            </button>
            <button type="button" className="btn btn--small btn--danger" data-testid="order-cancel" disabled={busy} onClick={onCancel}>
              Cancel
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
