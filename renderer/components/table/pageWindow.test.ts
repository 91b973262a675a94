import { describe, expect, it } from 'vitest';
import { nextSort, pageBounds, pagesForRange, rowLocation } from './pageWindow';

describe('pagesForRange', () => {
  it('asks only for the first page while the row count is unknown', () => {
    expect(pagesForRange(0, 40, 200, undefined)).toEqual([0]);
  });

  it('asks for nothing in an empty table', () => {
    expect(pagesForRange(0, 40, 200, 0)).toEqual([]);
  });

  it('covers a window that straddles a page boundary with both pages', () => {
    expect(pagesForRange(190, 230, 200, 1_000)).toEqual([0, 1]);
  });

  it('fetches one page for a window deep inside a million rows', () => {
    expect(pagesForRange(500_010, 500_060, 200, 1_000_000)).toEqual([2500]);
  });

  it('clamps a window past the end to the last page', () => {
    expect(pagesForRange(990, 1_200, 200, 1_000)).toEqual([4]);
    expect(pagesForRange(-5, 10, 200, 1_000)).toEqual([0]);
  });
});

describe('page and row arithmetic', () => {
  it('turns a page into engine offset and limit', () => {
    expect(pageBounds(3, 200)).toEqual({ offset: 600, limit: 200 });
  });

  it('finds a row inside its page', () => {
    expect(rowLocation(0, 200)).toEqual({ page: 0, slot: 0 });
    expect(rowLocation(401, 200)).toEqual({ page: 2, slot: 1 });
  });
});

describe('nextSort', () => {
  it('starts a new column at its preferred direction and flips on a second click', () => {
    const first = nextSort(null, 'pnl', 'desc');
    expect(first).toEqual({ field: 'pnl', dir: 'desc' });
    expect(nextSort(first, 'pnl')).toEqual({ field: 'pnl', dir: 'asc' });
    expect(nextSort(first, 'ts')).toEqual({ field: 'ts', dir: 'asc' });
  });
});
