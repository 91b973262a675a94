import { useCallback, useMemo, useState } from 'react';
import { ErrorNote } from '../common/ErrorNote';
import type { SortState } from './pageWindow';
import { usePagedRows, type Page } from './usePagedRows';
import { VirtualTable, type Column } from './VirtualTable';

export interface PagedTableProps<Row, F extends string> {
  columns: readonly Column<Row, F>[];
  /** Names the table; the sort order is appended. */
  queryKey: readonly unknown[];
  fetchPage: (offset: number, limit: number, sort: SortState<F> | null) => Promise<Page<Row>>;
  initialSort?: SortState<F> | null;
  height: number;
  emptyText: string;
  testId: string;
  label: string;
}

/** A virtual table over an engine method that pages and sorts on the server. */
export function PagedTable<Row, F extends string>(props: PagedTableProps<Row, F>) {
  const { queryKey, fetchPage, initialSort = null, ...rest } = props;
  const [sort, setSort] = useState<SortState<F> | null>(initialSort);
  const key = useMemo(() => [...queryKey, sort?.field ?? null, sort?.dir ?? null], [queryKey, sort]);
  const fetchSorted = useCallback((offset: number, limit: number) => fetchPage(offset, limit, sort), [fetchPage, sort]);
  const paged = usePagedRows<Row>({ queryKey: key, fetchPage: fetchSorted });
  return (
    <>
      <ErrorNote error={paged.error} what="Could not load rows" />
      <VirtualTable {...rest} rowCount={paged.total} rowAt={paged.rowAt} sort={sort} onSort={setSort} onRangeChange={paged.setRange} />
    </>
  );
}
