import type { Column } from './VirtualTable';

interface MiniTableProps<Row> {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  testId: string;
}

/** A short plain table for a side panel, drawn from the same column definitions as the big tables. */
export function MiniTable<Row>({ columns, rows, rowKey, testId }: MiniTableProps<Row>) {
  return (
    <table className="mini-table" data-testid={testId}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.id} className={c.align === 'right' ? 'num' : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={rowKey(r)}>
            {columns.map((c) => (
              <td key={c.id} className={c.align === 'right' ? 'num' : undefined} data-col={c.id}>
                {c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
