import { useCallback, useEffect, useRef, useState } from 'react';
import { hashKey } from '@tanstack/react-query';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { pageBounds, pagesForRange, rowLocation } from './pageWindow';

export interface Page<Row> {
  rows: Row[];
  total: number;
}

export interface RowRange {
  first: number;
  last: number;
}

export interface PagedRowsOptions<Row> {
  /** Names the table and its sort order; each page is cached under it plus its page number. */
  queryKey: readonly unknown[];
  fetchPage: (offset: number, limit: number) => Promise<Page<Row>>;
  pageSize?: number;
}

export interface PagedRows<Row> {
  /** Row count on the engine; undefined until the first page arrives. */
  total: number | undefined;
  rowAt: (index: number) => Row | undefined;
  /** The virtual list reports which rows it shows; only their pages are fetched. */
  setRange: (range: RowRange) => void;
  error: Error | null;
}

export const PAGE_SIZE = 200;
/** Pages scrolled out of view are dropped from the cache after this long. */
const PAGE_GC_MS = 15_000;
/**
 * A page is fetched once the view has rested this long: each deep page costs the engine an OFFSET
 * scan, and a scrollbar drag must not queue one per page it crosses.
 */
const SETTLE_MS = 150;
/** Rows beyond the view whose page is fetched too, so wheel-scrolling rarely meets an empty page. */
const PREFETCH_ROWS = 60;

const sameRange = (a: RowRange, b: RowRange): boolean => a.first === b.first && a.last === b.last;
const TOP: RowRange = { first: 0, last: 60 };

/** The rows in view, and the rows whose pages to fetch: the view once it has rested. */
interface View {
  key: string;
  range: RowRange;
  settled: RowRange;
}

/** Rows of a server-paged, server-sorted table, fetched a page at a time as the user scrolls. */
export function usePagedRows<Row>({ queryKey, fetchPage, pageSize = PAGE_SIZE }: PagedRowsOptions<Row>): PagedRows<Row> {
  const client = useQueryClient();
  const hash = hashKey(queryKey);
  const [view, setView] = useState<View>({ key: hash, range: TOP, settled: TOP });
  // A new sort order starts at the top at once: the old view's pages mean nothing in it.
  const current = view.key === hash ? view : { key: hash, range: TOP, settled: TOP };
  if (view.key !== hash) setView(current);
  useEffect(() => {
    if (sameRange(view.range, view.settled)) return;
    const timer = setTimeout(() => setView((v) => ({ ...v, settled: v.range })), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [view]);
  const settled = current.settled;
  const lastTotal = useRef<number | undefined>(undefined);

  const keyOf = useCallback((page: number) => [...queryKey, 'page', pageSize, page] as const, [queryKey, pageSize]);
  const wanted = pagesForRange(settled.first - PREFETCH_ROWS, settled.last + PREFETCH_ROWS, pageSize, lastTotal.current);

  const results = useQueries({
    queries: wanted.map((page) => ({
      queryKey: keyOf(page),
      queryFn: () => {
        const { offset, limit } = pageBounds(page, pageSize);
        return fetchPage(offset, limit);
      },
      staleTime: Infinity,
      gcTime: PAGE_GC_MS,
    })),
  });

  const loaded = new Map<number, Page<Row>>();
  wanted.forEach((page, i) => {
    const data = results[i]?.data;
    if (data) loaded.set(page, data);
  });
  for (const page of loaded.values()) lastTotal.current = page.total;

  const rowAt = (index: number): Row | undefined => {
    const { page, slot } = rowLocation(index, pageSize);
    // A page still cached from earlier scrolling shows at once, before the range settles.
    const data = loaded.get(page) ?? client.getQueryData<Page<Row>>(keyOf(page));
    return data?.rows[slot];
  };

  const setRange = useCallback(
    (next: RowRange) => setView((v) => (v.key !== hash || sameRange(v.range, next) ? v : { ...v, range: next })),
    [hash],
  );

  return {
    total: lastTotal.current,
    rowAt,
    setRange,
    error: results.find((r) => r.error)?.error ?? null,
  };
}
