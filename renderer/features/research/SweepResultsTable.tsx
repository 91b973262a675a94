import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { SweepResult } from '../../../core/ipc/contract/research';
import { fmtInt } from '../../components/common/format';
import { ariaSort, SortButton } from '../../components/common/SortButton';
import { nextSort, type SortDir, type SortState } from '../../components/table/pageWindow';
import '../../components/table/virtualTable.css';
import { fmtParam, formatMetric, KEY_METRICS, type ObjectiveInfo } from './metricFormat';
import { sortResults, type ResultSortKey } from './sortResults';

export const RESULT_ROW_HEIGHT = 24;

interface ResultColumn {
  key: ResultSortKey;
  header: string;
  width: number;
  numeric: boolean;
  /** Figures read best largest first. */
  firstDir: SortDir;
  cell: (r: SweepResult) => ReactNode;
}

function columnsFor(results: readonly SweepResult[], paramNames: readonly string[], objective: ObjectiveInfo): ResultColumn[] {
  // A parameter reads as a number (right-aligned) when every value it took is one.
  const numeric = (n: string): boolean => results.every((r) => typeof r.params[n] === 'number' || r.params[n] === undefined);
  return [
    { key: 'index', header: '#', width: 56, numeric: true, firstDir: 'asc', cell: (r) => fmtInt(r.index) },
    ...paramNames.map((n): ResultColumn => ({ key: `p:${n}`, header: n, width: 96, numeric: numeric(n), firstDir: 'asc', cell: (r) => fmtParam(r.params[n]) })),
    {
      key: 'objective',
      header: objective.label,
      width: 104,
      numeric: true,
      firstDir: objective.direction === 'max' ? 'desc' : 'asc',
      cell: (r) => formatMetric(objective.name, r.objective),
    },
    ...KEY_METRICS.filter((m) => m.name !== objective.name).map(
      (m): ResultColumn => ({ key: `m:${m.name}`, header: m.label, width: m.name === 'final_equity' ? 116 : 96, numeric: true, firstDir: 'desc', cell: (r) => m.format(r.metrics[m.name]) }),
    ),
  ];
}

interface SweepResultsTableProps {
  results: readonly SweepResult[];
  paramNames: readonly string[];
  objective: ObjectiveInfo;
  /** The best combination's index (its `index` field), highlighted. */
  bestIndex: number | null;
  openingIndex: number | null;
  onOpen: (index: number) => void;
  height?: number;
}

/**
 * Every combination, sortable by any column (best first by default), drawn only where in view so
 * ten thousand rows cost what fifty do. A row opens its combination's run.
 */
export function SweepResultsTable({ results, paramNames, objective, bestIndex, openingIndex, onOpen, height = 440 }: SweepResultsTableProps) {
  const columns = useMemo(() => columnsFor(results, paramNames, objective), [results, paramNames, objective]);
  const [sort, setSort] = useState<SortState<ResultSortKey>>({ field: 'objective', dir: objective.direction === 'max' ? 'desc' : 'asc' });
  const rows = useMemo(() => sortResults(results, sort), [results, sort]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => RESULT_ROW_HEIGHT, overscan: 20 });
  const template = `${columns.map((c) => `${c.width}px`).join(' ')} minmax(0, 1fr)`;
  const minWidth = columns.reduce((s, c) => s + c.width, 0);
  const onKey = (index: number) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(index);
    }
  };

  return (
    <div className="vtable sweep-table" role="table" aria-label="Sweep results" aria-rowcount={rows.length + 1} data-testid="sweep-results" data-total={rows.length} style={{ maxHeight: height }}>
      <div className="vtable__scroll" ref={scrollRef}>
        <div className="vtable__head" role="row" style={{ gridTemplateColumns: template, minWidth }}>
          {columns.map((c) => {
            const dir = sort.field === c.key ? sort.dir : null;
            return (
              <div key={c.key} role="columnheader" aria-sort={ariaSort(dir)} className={`vtable__th${c.numeric ? ' num' : ''}`} data-col={c.key}>
                <SortButton label={c.header} dir={dir} onClick={() => setSort(nextSort(sort, c.key, c.firstDir))} testId={`sort-${c.key}`} />
              </div>
            );
          })}
        </div>
        {rows.length === 0 ? (
          <div className="vtable__empty" data-testid="sweep-results-empty">
            No combination has finished yet.
          </div>
        ) : (
          <div className="vtable__body" style={{ height: virtualizer.getTotalSize(), minWidth }}>
            {virtualizer.getVirtualItems().map((item) => {
              const r = rows[item.index];
              const best = r.index === bestIndex;
              return (
                <div
                  key={r.index}
                  role="row"
                  tabIndex={0}
                  aria-rowindex={item.index + 2}
                  aria-busy={openingIndex === r.index || undefined}
                  className={`vtable__row is-clickable${item.index % 2 ? ' is-odd' : ''}${best ? ' is-best' : ''}`}
                  data-testid="sweep-result-row"
                  data-index={r.index}
                  data-best={best || undefined}
                  title={r.runId ? 'Open its recorded run' : 'Record and open its full run'}
                  style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)` }}
                  onClick={() => onOpen(r.index)}
                  onKeyDown={onKey(r.index)}
                >
                  {columns.map((c) => (
                    <div key={c.key} role="cell" className={`vtable__td${c.numeric ? ' num' : ''}${c.key === 'objective' ? ' sweep-table__objective' : ''}`} data-col={c.key}>
                      {c.cell(r)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
      <div className="vtable__foot" data-testid="sweep-results-count">
        {fmtInt(rows.length)} {rows.length === 1 ? 'combination' : 'combinations'} · click a row to open its run
        {openingIndex !== null && ` · recording #${openingIndex}…`}
      </div>
    </div>
  );
}
