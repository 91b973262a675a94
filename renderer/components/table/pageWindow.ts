/** Which pages of a server-paged table must be fetched to show rows [first, last]. */
export function pagesForRange(first: number, last: number, pageSize: number, total: number | undefined): number[] {
  if (total === undefined) return [0];
  if (total === 0) return [];
  const lastRow = total - 1;
  const lo = Math.min(Math.max(0, first), lastRow);
  const hi = Math.min(Math.max(lo, last), lastRow);
  const pages: number[] = [];
  for (let p = Math.floor(lo / pageSize); p <= Math.floor(hi / pageSize); p++) pages.push(p);
  return pages;
}

/** Offset and limit of one page in the engine's paging terms. */
export function pageBounds(page: number, pageSize: number): { offset: number; limit: number } {
  return { offset: page * pageSize, limit: pageSize };
}

/** Where row `index` lives: its page and its position inside that page. */
export function rowLocation(index: number, pageSize: number): { page: number; slot: number } {
  const page = Math.floor(index / pageSize);
  return { page, slot: index - page * pageSize };
}

export type SortDir = 'asc' | 'desc';
export interface SortState<F extends string> {
  field: F;
  dir: SortDir;
}

/** A header click: the same column flips direction; another column starts at its preferred direction. */
export function nextSort<F extends string>(current: SortState<F> | null, field: F, firstDir: SortDir = 'asc'): SortState<F> {
  if (current && current.field === field) return { field, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { field, dir: firstDir };
}
