// @vitest-environment happy-dom
import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../api/queryClient';
import { PagedTable } from './PagedTable';
import type { SortState } from './pageWindow';
import type { Page } from './usePagedRows';
import { ROW_HEIGHT, type Column } from './VirtualTable';

interface Row {
  id: number;
  value: number;
}
type Field = 'id' | 'value';

// Pages arrive after the table's 150 ms settle delay; a shared machine gets room before a wait fails.
configure({ asyncUtilTimeout: 5000 });

const TOTAL = 100_000;
// 7919 is prime to 100,000, so `value` is a shuffle of 0..99,999: sorting by it reorders every row.
const ROWS: Row[] = Array.from({ length: TOTAL }, (_, id) => ({ id, value: (id * 7919) % TOTAL }));
const sorted = new Map<string, Row[]>();
function rowsIn(sort: SortState<Field> | null): Row[] {
  if (!sort) return ROWS;
  const key = `${sort.field}:${sort.dir}`;
  let rows = sorted.get(key);
  if (!rows) {
    const sign = sort.dir === 'asc' ? 1 : -1;
    rows = [...ROWS].sort((a, b) => sign * (a[sort.field] - b[sort.field]));
    sorted.set(key, rows);
  }
  return rows;
}

const columns: Column<Row, Field>[] = [
  { id: 'id', header: 'Id', width: 80, sortField: 'id', cell: (r) => String(r.id) },
  { id: 'value', header: 'Value', width: 80, align: 'right', sortField: 'value', firstDir: 'desc', cell: (r) => String(r.value) },
];

// happy-dom lays nothing out: the scroll box is given the height a browser would give it, so the
// virtualizer has a viewport to fill (10 rows).
const VIEWPORT = 10 * ROW_HEIGHT;
/** The viewport's rows plus the table's overscan of 20 on each side. */
const MOST_DRAWN = 10 + 2 * 20;
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('vtable__scroll') ? VIEWPORT : (clientHeight?.get?.call(this) ?? 0);
    },
  });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

describe('PagedTable', () => {
  let fetches: { offset: number; limit: number; sort: SortState<Field> | null }[];
  beforeEach(() => {
    fetches = [];
    const fetchPage = async (offset: number, limit: number, sort: SortState<Field> | null): Promise<Page<Row>> => {
      fetches.push({ offset, limit, sort });
      return { rows: rowsIn(sort).slice(offset, offset + limit), total: TOTAL };
    };
    render(
      <QueryClientProvider client={createQueryClient()}>
        <PagedTable columns={columns} queryKey={['test-rows']} fetchPage={fetchPage} height={400} emptyText="none" testId="rows" label="Rows" />
      </QueryClientProvider>,
    );
  });
  afterEach(cleanup);

  const shownRows = (): HTMLElement[] => screen.queryAllByTestId('vtable-row');
  const cellOf = (row: HTMLElement, col: Field): string => row.querySelector(`[data-col="${col}"]`)?.textContent ?? '';
  const header = (col: Field): HTMLElement => screen.getByRole('columnheader', { name: col === 'id' ? /Id/ : /Value/ });

  it('draws only the rows in view of 100,000, fetching only the first page', async () => {
    await waitFor(() => expect(shownRows().length).toBeGreaterThan(0));
    expect(screen.getByTestId('rows-count').textContent).toBe('100,000 rows');
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe(String(TOTAL + 1));
    // The viewport plus the overscan, not the whole list.
    expect(shownRows().length).toBeLessThanOrEqual(MOST_DRAWN);
    expect(shownRows().map((r) => cellOf(r, 'id')).slice(0, 3)).toEqual(['0', '1', '2']);
    expect(fetches.map((f) => f.offset)).toEqual([0]);
  });

  it('sorts on the engine by a header click, starting from the top, and flips on a second click', async () => {
    await waitFor(() => expect(shownRows().length).toBeGreaterThan(0));
    const user = userEvent.setup();
    expect(header('value').getAttribute('aria-sort')).toBe('none');

    await user.click(within(header('value')).getByRole('button'));
    // The column's first direction is descending (largest first).
    await waitFor(() => expect(cellOf(shownRows()[0], 'value')).toBe('99999'));
    expect(header('value').getAttribute('aria-sort')).toBe('descending');
    expect(fetches.at(-1)).toEqual({ offset: 0, limit: 200, sort: { field: 'value', dir: 'desc' } });
    const values = shownRows().map((r) => Number(cellOf(r, 'value')));
    expect(values).toEqual([...values].sort((a, b) => b - a));

    await user.click(within(header('value')).getByRole('button'));
    await waitFor(() => expect(cellOf(shownRows()[0], 'value')).toBe('0'));
    expect(header('value').getAttribute('aria-sort')).toBe('ascending');
    expect(header('id').getAttribute('aria-sort')).toBe('none');
  });

  it('fetches the page of a deep scroll position and draws its rows there', async () => {
    await waitFor(() => expect(shownRows().length).toBeGreaterThan(0));
    const scroller = screen.getByRole('table').querySelector<HTMLElement>('.vtable__scroll');
    if (!scroller) throw new Error('no scroll box');
    act(() => {
      scroller.scrollTop = 50_000 * ROW_HEIGHT;
      fireEvent.scroll(scroller);
    });
    await waitFor(() => expect(shownRows().some((r) => r.dataset.index === '50000')).toBe(true));
    await waitFor(() => {
      const row = shownRows().find((r) => r.dataset.index === '50000');
      expect(row && cellOf(row, 'id')).toBe('50000');
    });
    // Only the pages around the view were asked for, never the 500 pages in between.
    const offsets = new Set(fetches.map((f) => f.offset));
    expect(offsets.has(50_000)).toBe(true);
    expect(offsets.size).toBeLessThanOrEqual(3);
    expect(shownRows().length).toBeLessThanOrEqual(MOST_DRAWN);
  });
});

describe('PagedTable with no rows', () => {
  afterEach(cleanup);

  it('says so in place of the rows, with a count of 0', async () => {
    const fetchPage = async (): Promise<Page<Row>> => ({ rows: [], total: 0 });
    render(
      <QueryClientProvider client={createQueryClient()}>
        <PagedTable columns={columns} queryKey={['no-rows']} fetchPage={fetchPage} height={400} emptyText="No fills in this run" testId="rows" label="Rows" />
      </QueryClientProvider>,
    );
    expect(screen.getByTestId('rows-count').textContent).toBe('Loading…');
    expect((await screen.findByTestId('rows-empty')).textContent).toBe('No fills in this run');
    expect(screen.getByTestId('rows-count').textContent).toBe('0 rows');
    expect(screen.queryAllByTestId('vtable-row')).toEqual([]);
  });
});
