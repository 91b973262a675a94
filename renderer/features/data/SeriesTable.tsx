import { useEffect, useRef } from 'react';
import type { SeriesInfoDto } from '../../../core/ipc/contract/data';
import { fmtDateTime, fmtInt } from '../../components/common/format';
import { fmtBarStamp, fmtGaps, fmtSource, seriesId } from './coverage';
import { canBacktest } from './storeBacktest';

interface SeriesTableProps {
  series: readonly SeriesInfoDto[];
  selected: string | null;
  /** False until the form's defaults have loaded from the engine. */
  canOpenForm: boolean;
  onSelect: (s: SeriesInfoDto) => void;
  onBacktest: (s: SeriesInfoDto) => void;
  onDelete: (s: SeriesInfoDto) => void;
}

/** Every stored series with its coverage; a click charts it. */
export function SeriesTable({ series, selected, canOpenForm, onSelect, onBacktest, onDelete }: SeriesTableProps) {
  const wrap = useRef<HTMLDivElement>(null);
  // A series selected from elsewhere (just imported or downloaded) is scrolled into the table's view.
  useEffect(() => {
    wrap.current?.querySelector('tr.is-selected')?.scrollIntoView({ block: 'nearest' });
  }, [selected, series]);
  return (
    <div className="table-wrap data-series" ref={wrap}>
      <table className="table" data-testid="series-table">
        <thead>
          <tr>
            <th>Symbol</th>
            <th>Bar size</th>
            <th>Source</th>
            <th>First</th>
            <th>Last</th>
            <th className="num">Bars</th>
            <th className="num">Gaps</th>
            <th>Imported</th>
            <th className="cell-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => {
            const id = seriesId(s);
            const isSelected = id === selected;
            return (
              <tr
                key={id}
                className={`is-clickable${isSelected ? ' is-selected' : ''}`}
                data-testid="series-row"
                data-symbol={s.symbol}
                data-bar-size={s.barSize}
                data-selected={isSelected}
                onClick={() => onSelect(s)}
              >
                <td className="cell-name">
                  <button type="button" className="link-btn" data-testid="series-chart" onClick={(e) => (e.stopPropagation(), onSelect(s))}>
                    {s.symbol}
                  </button>
                </td>
                <td>{s.barSize}</td>
                <td className="muted" title={s.hasAdjClose ? 'Has an Adj Close column (split and dividend adjustments available)' : undefined}>
                  {fmtSource(s.source, s.fileName)}
                  {s.hasAdjClose && <span className="badge data-badge">adj</span>}
                </td>
                <td data-testid="series-first">{fmtBarStamp(s.firstTs, s.barSeconds)}</td>
                <td data-testid="series-last">{fmtBarStamp(s.lastTs, s.barSeconds)}</td>
                <td className="num" data-testid="series-bars">
                  {fmtInt(s.bars)}
                </td>
                <td className={`num${s.gaps > 0 ? ' data-gaps' : ''}`} data-testid="series-gaps">
                  {fmtGaps(s.gaps, s.bars)}
                </td>
                <td className="muted">{fmtDateTime(s.importedAt)}</td>
                <td className="cell-actions" onClick={(e) => e.stopPropagation()}>
                  <button
                    type="button"
                    className="btn btn--small btn--ghost"
                    data-testid="series-backtest"
                    disabled={!canOpenForm || !canBacktest(s)}
                    title={canBacktest(s) ? `Open the New backtest form on ${s.symbol} ${s.barSize} from the bar store` : 'Tick series have no regular bar size a backtest can run on'}
                    onClick={() => onBacktest(s)}
                  >
                    Backtest this
                  </button>
                  <button type="button" className="btn btn--small btn--ghost btn--danger" data-testid="series-delete" onClick={() => onDelete(s)}>
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
