import { useEffect, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { fmtInt } from '../common/format';
import { ariaSort, SortButton } from '../common/SortButton';
import { nextSort, type SortDir, type SortState } from './pageWindow';
import type { RowRange } from './usePagedRows';
import './virtualTable.css';

export interface Column<Row, F extends string = string> {
  id: string;
  header: string;
  /** Width in px. */
  width: number;
  align?: 'left' | 'right';
  /** The engine's sort field for this column; none means the column cannot be sorted. */
  sortField?: F;
  /** Direction of a first click: numbers such as P&L read best largest first. */
  firstDir?: SortDir;
  cell: (row: Row) => ReactNode;
}

export interface VirtualTableProps<Row, F extends string> {
  columns: readonly Column<Row, F>[];
  /** Rows on the engine; undefined while the first page loads. */
  rowCount: number | undefined;
  rowAt: (index: number) => Row | undefined;
  sort?: SortState<F> | null;
  onSort?: (sort: SortState<F>) => void;
  /** Told which rows are on screen (plus overscan), so their pages can be fetched. */
  onRangeChange?: (range: RowRange) => void;
  /** The most the table grows to; a short table is only as tall as its rows. */
  height: number;
  emptyText: string;
  testId: string;
  label: string;
}

export const ROW_HEIGHT = 24;
const OVERSCAN = 20;

/**
 * A table that draws only the rows in view: a million rows cost the same as fifty. Rows not yet
 * fetched show as placeholders until their page arrives.
 */
export function VirtualTable<Row, F extends string>(props: VirtualTableProps<Row, F>) {
  const { columns, rowCount, rowAt, sort, onSort, onRangeChange, height, emptyText, testId, label } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = rowCount ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  // A new sort order starts from the top: row 500,000 of another order means nothing. Until the
  // list has scrolled there, the rows it still shows belong to the old order and are not reported.
  const awaitingTop = useRef(false);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || el.scrollTop === 0) return;
    awaitingTop.current = true;
    el.scrollTop = 0;
  }, [sort?.field, sort?.dir]);

  useEffect(() => {
    if (awaitingTop.current) {
      if (first > 0) return;
      awaitingTop.current = false;
    }
    onRangeChange?.({ first, last });
  }, [first, last, onRangeChange]);

  // A trailing flexible track takes the spare width, so columns keep their widths on a wide screen.
  const template = useMemo(() => `${columns.map((c) => `${c.width}px`).join(' ')} minmax(0, 1fr)`, [columns]);
  const minWidth = useMemo(() => columns.reduce((sum, c) => sum + c.width, 0), [columns]);

  return (
    <div
      className="vtable"
      role="table"
      aria-label={label}
      aria-rowcount={count + 1}
      data-testid={testId}
      data-total={rowCount ?? ''}
      style={{ maxHeight: height }}
    >
      <div className="vtable__scroll" ref={scrollRef}>
        <div className="vtable__head" role="row" style={{ gridTemplateColumns: template, minWidth }}>
          {columns.map((c) => {
            const field = c.sortField;
            const dir = field && sort?.field === field ? sort.dir : null;
            return (
              <div key={c.id} role="columnheader" aria-sort={ariaSort(dir)} className={`vtable__th${c.align === 'right' ? ' num' : ''}`} data-col={c.id}>
                {field && onSort ? <SortButton label={c.header} dir={dir} onClick={() => onSort(nextSort(sort ?? null, field, c.firstDir))} /> : c.header}
              </div>
            );
          })}
        </div>
        {rowCount === 0 ? (
          <div className="vtable__empty" data-testid={`${testId}-empty`}>
            {emptyText}
          </div>
        ) : (
          <div className="vtable__body" style={{ height: virtualizer.getTotalSize(), minWidth }}>
            {items.map((item) => {
              const row = rowAt(item.index);
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={`vtable__row${row ? '' : ' is-loading'}${item.index % 2 ? ' is-odd' : ''}`}
                  data-testid={row ? 'vtable-row' : 'vtable-row-loading'}
                  data-index={item.index}
                  style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)` }}
                >
                  {columns.map((c) => (
                    <div key={c.id} role="cell" className={`vtable__td${c.align === 'right' ? ' num' : ''}`} data-col={c.id}>
                      {row ? c.cell(row) : ''}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
      <div className="vtable__foot" data-testid={`${testId}-count`}>
        {rowCount === undefined ? 'Loading…' : `${fmtInt(rowCount)} ${rowCount === 1 ? 'row' : 'rows'}`}
      </div>
    </div>
  );
}
