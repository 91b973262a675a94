import { useState, type KeyboardEvent } from 'react';
import type { TradingOrderDto } from '../../../core/ipc/contract/trading';
import { linkLabel, trailLabel, waitingFor } from './orderDetails';
import { ORDER_STATUS_VIEW, WAITING_VIEW } from './orderStatusView';
import { modifyDraftOf, readModify, type ModifyChanges, type ModifyDraft } from './modifyModel';
import { isTrailing, needsLimit, needsStop, TYPE_LABELS } from './ticketModel';
import { fmtClock, fmtPrice, fmtQty } from './tradingFormat';

interface Props {
  order: TradingOrderDto;
  busy: boolean;
  onCancel: () => void;
  onModify: (changes: ModifyChanges) => void;
}

/**
 * One working order: a trailing order's trail and its stop now, an iceberg's display size, a list
 * member's link; Modify turns its quantity, prices and trail into inputs (Enter saves, Esc leaves them).
 */
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

  const { trail, limitOffset, displayQuantity, link } = o.extras ?? {};
  const waiting = waitingFor(o);
  const status = waiting === null ? ORDER_STATUS_VIEW[o.status] : WAITING_VIEW[waiting];

  return (
    <tr data-testid="order-row" data-order-id={o.id} data-status={o.status} data-symbol={o.instrument}>
      <td className="muted">{fmtClock(o.createdAt)}</td>
      <td className="cell-name">{o.instrument}</td>
      <td className={o.side === 'BUY' ? 'pos' : 'neg'}>{o.side}</td>
      <td>
        {TYPE_LABELS[o.type]}
        {link && (
          <span
            className="cell-sub"
            data-testid="order-link"
            data-role={link.role}
            data-parent-id={link.parentId ?? undefined}
            title={link.parentId === null ? `list ${link.listId}` : `works once order ${link.parentId} fills`}
          >
            {linkLabel(link)}
          </span>
        )}
      </td>
      <td className="num">
        {draft ? edit('quantity', 'Quantity') : fmtQty(o.quantity)}
        {displayQuantity !== undefined && (
          <span className="cell-sub" data-testid="order-display" title="Iceberg: the quantity shown at a time">
            shows {fmtQty(displayQuantity)}
          </span>
        )}
      </td>
      <td className="num">{fmtQty(o.filledQuantity)}</td>
      <td className="num">{draft && needsLimit(o.type) ? edit('limitPrice', 'Limit price') : fmtPrice(o.limitPrice)}</td>
      <td className="num" data-testid="order-stop" title={isTrailing(o.type) ? 'The stop now: it follows the market by the trail' : undefined}>
        {draft && needsStop(o.type) ? edit('stopPrice', 'Stop price') : fmtPrice(o.stopPrice)}
      </td>
      <td className="num" data-testid="order-trail">
        {draft && trail !== undefined ? edit('trail', 'amount' in trail ? 'Trail amount' : 'Trail percent') : trail !== undefined ? trailLabel(trail) : ''}
        {limitOffset !== undefined && <span className="cell-sub">offset {fmtPrice(limitOffset)}</span>}
      </td>
      <td>{o.timeInForce}</td>
      <td>
        <span className={`badge badge--order-${o.status.toLowerCase()}`} data-testid="order-status" title={status.hint}>
          {status.label}
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
