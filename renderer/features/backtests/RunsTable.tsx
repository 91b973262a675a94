import type { RunSummary } from '../../../core/ipc/contract/backtests';
import { fmtDateTime, fmtInt, fmtPeriod, fmtRatio, fmtSignedPct, signClass } from '../../components/common/format';
import { ProgressBar } from '../../components/common/ProgressBar';
import { ariaSort, SortButton } from '../../components/common/SortButton';
import { StatusBadge } from '../../components/common/StatusBadge';
import type { SortDir, SortKey } from './sortRuns';

interface Column {
  key: SortKey;
  label: string;
  numeric?: boolean;
}

const COLUMNS: Column[] = [
  { key: 'name', label: 'Name' },
  { key: 'strategy', label: 'Strategy' },
  { key: 'period', label: 'Period' },
  { key: 'totalReturn', label: 'Return', numeric: true },
  { key: 'cagr', label: 'CAGR', numeric: true },
  { key: 'sharpe', label: 'Sharpe', numeric: true },
  { key: 'maxDrawdown', label: 'Max DD', numeric: true },
  { key: 'trades', label: 'Trades', numeric: true },
  { key: 'status', label: 'Status' },
  { key: 'createdAt', label: 'Created' },
];

interface RunsTableProps {
  runs: readonly RunSummary[];
  sortKey: SortKey;
  sortDir: SortDir;
  onSort: (key: SortKey) => void;
  selected: readonly string[];
  onToggle: (id: string) => void;
  onOpen: (id: string) => void;
  onDuplicate: (id: string) => void;
  onDelete: (run: RunSummary) => void;
}

export function RunsTable({ runs, sortKey, sortDir, onSort, selected, onToggle, onOpen, onDuplicate, onDelete }: RunsTableProps) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid="runs-table">
        <thead>
          <tr>
            <th className="cell-check">
              <span className="visually-hidden">Compare</span>
            </th>
            {COLUMNS.map((c) => {
              const dir = sortKey === c.key ? sortDir : null;
              return (
                <th key={c.key} className={c.numeric ? 'num' : undefined} aria-sort={ariaSort(dir)}>
                  <SortButton label={c.label} dir={dir} testId={`sort-${c.key}`} onClick={() => onSort(c.key)} />
                </th>
              );
            })}
            <th className="cell-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const m = r.metrics;
            const isSelected = selected.includes(r.id);
            return (
              <tr
                key={r.id}
                className={`is-clickable${isSelected ? ' is-selected' : ''}`}
                data-testid="run-row"
                data-run-id={r.id}
                data-status={r.status}
                onClick={() => onOpen(r.id)}
              >
                <td className="cell-check" onClick={(e) => e.stopPropagation()}>
                  <input
                    type="checkbox"
                    aria-label={`Compare ${r.name}`}
                    data-testid="run-select"
                    checked={isSelected}
                    onChange={() => onToggle(r.id)}
                  />
                </td>
                <td className="cell-name" title={r.name}>
                  <a
                    href={`#/runs/${r.id}`}
                    onClick={(e) => e.stopPropagation()}
                    data-testid="run-link"
                  >
                    {r.name}
                  </a>
                </td>
                <td>{r.strategy}</td>
                <td className="muted">{fmtPeriod(r.periodStart, r.periodEnd)}</td>
                <td className={`num ${signClass(m?.totalReturnPct)}`} data-testid="run-return">
                  {fmtSignedPct(m?.totalReturnPct)}
                </td>
                <td className={`num ${signClass(m?.cagrPct)}`}>{fmtSignedPct(m?.cagrPct)}</td>
                <td className="num">{fmtRatio(m?.sharpe)}</td>
                <td className={`num ${signClass(m?.maxDrawdownPct)}`}>{fmtSignedPct(m?.maxDrawdownPct)}</td>
                <td className="num">{m ? fmtInt((m.closedTrades ?? 0) + (m.openTrades ?? 0)) : '—'}</td>
                <td>
                  <div className="row">
                    <StatusBadge status={r.status} />
                    {r.status === 'running' && <ProgressBar size="mini" done={r.sessionsDone} total={r.sessionsTotal} label={`${r.name} progress`} />}
                  </div>
                </td>
                <td className="muted">{fmtDateTime(r.createdAt)}</td>
                <td className="cell-actions" onClick={(e) => e.stopPropagation()}>
                  <button type="button" className="btn btn--small btn--ghost" data-testid="run-duplicate" title="Open the form with this run's settings" onClick={() => onDuplicate(r.id)}>
                    Duplicate
                  </button>
                  <button
                    type="button"
                    className="btn btn--small btn--ghost btn--danger"
                    data-testid="run-delete"
                    disabled={r.status === 'running'}
                    title={r.status === 'running' ? 'Cancel the run before deleting it' : 'Delete this run'}
                    onClick={() => onDelete(r)}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
