import type { SortDir } from '../table/pageWindow';

/** A column header's aria-sort: `dir` is how the table is sorted by that column, null when it is not. */
export function ariaSort(dir: SortDir | null): 'ascending' | 'descending' | 'none' {
  return dir === null ? 'none' : dir === 'asc' ? 'ascending' : 'descending';
}

interface SortButtonProps {
  label: string;
  /** How the table is sorted by this column; null when by another. */
  dir: SortDir | null;
  onClick: () => void;
  testId?: string;
}

/** The button of a sortable column header: its label, with an arrow while the table is sorted by it. */
export function SortButton({ label, dir, onClick, testId }: SortButtonProps) {
  return (
    <button type="button" className="sort-btn" data-testid={testId} onClick={onClick}>
      {label}
      {dir !== null && <span className="sort-arrow">{dir === 'asc' ? '▲' : '▼'}</span>}
    </button>
  );
}
