import type { HistoryChoice, HistoryDecisionDto } from '../../../core/ipc/contract/trading';
import { fmtDate, fmtDateTime, fmtInt } from '../../components/common/format';

interface Props {
  decision: HistoryDecisionDto;
  busy: boolean;
  onChoose: (choice: HistoryChoice) => void;
}

/** A download over a stored daily series: what replacing it would change, and the trader's three choices. */
export function HistoryDecision({ decision: d, busy, onChoose }: Props) {
  const c = d.changes;
  const nothing = c.added === 0 && c.changed === 0 && c.removed === 0;
  return (
    <div className="notice notice--warn" role="alertdialog" aria-labelledby="history-decision-title" data-testid="history-decision">
      <p id="history-decision-title">
        {d.symbol} 1d is already stored ({d.stored.source}, {fmtInt(d.stored.bars)} bars, {fmtDate(d.stored.firstTs)} → {fmtDate(d.stored.lastTs)}, imported{' '}
        {fmtDateTime(d.stored.importedAt)}). Nothing was written yet.
      </p>
      <p>
        The download ({d.download.source}, {fmtInt(d.download.bars)} bars, {fmtDate(d.download.firstTs)} → {fmtDate(d.download.lastTs)}) would replace it:
      </p>
      <ul data-testid="history-changes">
        {nothing ? (
          <li>no bar would change</li>
        ) : (
          <>
            <li data-testid="history-added">{fmtInt(c.added)} bars added</li>
            <li data-testid="history-changed">{fmtInt(c.changed)} bars changed</li>
            <li data-testid="history-removed">{fmtInt(c.removed)} stored bars removed (the download does not have them)</li>
            <li>
              between {fmtDate(c.firstChangeTs)} and {fmtDate(c.lastChangeTs)}; {fmtInt(c.unchanged)} bars the same
            </li>
          </>
        )}
      </ul>
      <div className="row">
        <button type="button" className="btn btn--danger" data-testid="history-replace" disabled={busy} onClick={() => onChoose('replace')}>
          Replace the stored series
        </button>
        <button
          type="button"
          className="btn"
          data-testid="history-keep-both"
          disabled={busy || d.keepBothAs === null}
          title={d.keepBothAs === null ? 'The symbol is too long to store a second series beside it' : undefined}
          onClick={() => onChoose('keep_both')}
        >
          {d.keepBothAs === null ? 'Keep both' : `Keep both (download as ${d.keepBothAs})`}
        </button>
        <button type="button" className="btn btn--ghost" data-testid="history-cancel" disabled={busy} onClick={() => onChoose('cancel')}>
          Cancel
        </button>
      </div>
    </div>
  );
}
