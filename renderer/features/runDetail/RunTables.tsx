import { useMemo, useState } from 'react';
import type { RunDetail } from '../../../core/ipc/contract/backtests';
import { queryKeys } from '../../api/queryKeys';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtDate } from '../../components/common/format';
import { Tabs, type TabDef } from '../../components/common/Tabs';
import { PagedTable } from '../../components/table/PagedTable';
import type { SortState } from '../../components/table/pageWindow';
import { VirtualTable, type Column } from '../../components/table/VirtualTable';
import { useAsOf, useExport, usePageFetcher, usePriceDecimals, type PageRow, type PagedMethod, type PagedTables } from './queries';
import { fillColumns } from './tables/fillColumns';
import { orderColumns } from './tables/orderColumns';
import { positionColumns } from './tables/positionColumns';
import { PriceDecimalsContext } from './tables/Price';
import { tradeColumns } from './tables/tradeColumns';

type TabId = 'trades' | 'orders' | 'fills' | 'positions';
const TABS: readonly TabDef<TabId>[] = [
  { id: 'trades', label: 'Trades' },
  { id: 'orders', label: 'Orders' },
  { id: 'fills', label: 'Fills' },
  { id: 'positions', label: 'Positions' },
];
const TABLE_HEIGHT = 420;
const NO_DECIMALS: Readonly<Record<string, number>> = {};

interface PagedTableSpec<M extends PagedMethod> {
  columns: readonly Column<PageRow<M>, PagedTables[M]>[];
  initialSort: SortState<PagedTables[M]>;
  emptyText: string;
  label: string;
}

/** One engine-paged table of the run; the spec is checked against its method's rows and sort fields. */
function pagedTable<M extends PagedMethod>(part: string, method: M, spec: PagedTableSpec<M>) {
  return function RunPagedTable({ runId }: { runId: string }) {
    const key = useMemo(() => queryKeys.runPart(runId, part), [runId]);
    const fetchPage = usePageFetcher(runId, method);
    return <PagedTable {...spec} queryKey={key} fetchPage={fetchPage} height={TABLE_HEIGHT} testId={`${part}-table`} />;
  };
}

const PAGED_TABLES = {
  trades: pagedTable('trades', 'backtests.trades', {
    columns: tradeColumns,
    initialSort: { field: 'entryTs', dir: 'asc' },
    emptyText: 'No round trips in this run.',
    label: 'Round-trip trades',
  }),
  orders: pagedTable('orders', 'backtests.orders', {
    columns: orderColumns,
    initialSort: { field: 'createdAt', dir: 'asc' },
    emptyText: 'No orders in this run.',
    label: 'Orders',
  }),
  fills: pagedTable('fills', 'backtests.fills', {
    columns: fillColumns,
    initialSort: { field: 'ts', dir: 'asc' },
    emptyText: 'No fills in this run.',
    label: 'Fills',
  }),
};

/** What the run held at the close of its last session. */
function FinalPositions({ run }: { run: RunDetail }) {
  const asOf = useAsOf(run.id, run.periodEnd);
  const rows = asOf.data?.positions;
  return (
    <>
      <ErrorNote error={asOf.error} what="Could not load positions" />
      <p className="muted run-tables__note">At the close of {fmtDate(asOf.data?.sessionTs ?? run.periodEnd)}</p>
      <VirtualTable
        columns={positionColumns}
        rowCount={rows?.length}
        rowAt={(i) => rows?.[i]}
        height={TABLE_HEIGHT - 24}
        emptyText="Flat: no positions at the end of the run."
        testId="positions-table"
        label="Positions at the end of the run"
      />
    </>
  );
}

/** The run's records as tables, one tab each; the open table exports as CSV. */
export function RunTables({ run }: { run: RunDetail }) {
  const [tab, setTab] = useState<TabId>('trades');
  const Paged = tab === 'positions' ? null : PAGED_TABLES[tab];
  const [raw, setRaw] = useState(false);
  const exporter = useExport(run.id, raw);
  const decimals = usePriceDecimals(run.id);
  const exportButton = (
    <>
      <label className="muted" title="Field names, epoch milliseconds and full floats, for programs rather than spreadsheets">
        <input type="checkbox" data-testid="export-raw" checked={raw} onChange={(e) => setRaw(e.target.checked)} /> raw
      </label>
      <button
        type="button"
        className="btn btn--small"
        data-testid={`export-${tab}`}
        disabled={exporter.isPending}
        // The tab shows the last session's positions; the file holds every session's.
        title={tab === 'positions' ? 'Every position held at every session\'s close' : undefined}
        onClick={() => exporter.mutate(tab)}
      >
        ⤓ {tab === 'positions' ? 'every session\'s positions' : tab} CSV
      </button>
    </>
  );
  return (
    <section className="card run-tables" aria-label="Run records">
      <Tabs tabs={TABS} active={tab} onChange={setTab} label="Run records" idPrefix="run-records" extra={exportButton} />
      <ErrorNote error={exporter.error} what="Export failed" />
      <div role="tabpanel" id="run-records-panel" aria-labelledby={`run-records-tab-${tab}`}>
        <PriceDecimalsContext.Provider value={decimals.data ?? NO_DECIMALS}>
          {Paged ? <Paged runId={run.id} /> : <FinalPositions run={run} />}
        </PriceDecimalsContext.Provider>
      </div>
    </section>
  );
}
