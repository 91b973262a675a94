import { useMemo, useState } from 'react';
import type { RunSummary } from '../../../core/ipc/contract/backtests';
import { RUN_STATUSES } from '../../../core/ipc/contract/backtests';
import { useDeleteRun, useRuns } from '../../api/backtests';
import type { RunStatus } from '../../api/queryKeys';
import { ConfirmDialog } from '../../components/common/ConfirmDialog';
import { ErrorNote } from '../../components/common/ErrorNote';
import { useDebounced } from '../../components/common/useDebounced';
import { useCompareStore } from '../../stores/compareStore';
import { useListPrefs } from '../../stores/listPrefsStore';
import { navigate } from '../../stores/routeStore';
import { CompareButton } from '../compare/CompareButton';
import { FailedLaunches } from '../jobs/FailedLaunches';
import { RunsTable } from './RunsTable';
import { sortRuns } from './sortRuns';

export function BacktestsScreen() {
  const prefs = useListPrefs();
  const search = useDebounced(prefs.search.trim(), 250);
  const runs = useRuns({ search, status: prefs.status });
  const { selected, toggle, set: setSelected } = useCompareStore();
  const del = useDeleteRun();
  const [toDelete, setToDelete] = useState<RunSummary | null>(null);

  const sorted = useMemo(() => sortRuns(runs.data ?? [], prefs.sortKey, prefs.sortDir), [runs.data, prefs.sortKey, prefs.sortDir]);
  const filtering = search !== '' || prefs.status !== '';

  const confirmDelete = (): void => {
    if (!toDelete) return;
    const id = toDelete.id;
    del.mutate(id, {
      onSuccess: () => {
        setSelected(selected.filter((s) => s !== id));
        setToDelete(null);
      },
    });
  };

  return (
    <div>
      <div className="screen-head">
        <h1>Backtests</h1>
        <input
          type="search"
          className="input input--search"
          placeholder="Search name or strategy"
          aria-label="Search backtests"
          data-testid="runs-search"
          value={prefs.search}
          onChange={(e) => prefs.setSearch(e.target.value)}
        />
        <select
          className="select"
          aria-label="Filter by status"
          data-testid="runs-status-filter"
          value={prefs.status}
          onChange={(e) => prefs.setStatus(e.target.value as RunStatus | '')}
        >
          <option value="">All statuses</option>
          {RUN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <CompareButton selected={selected} className="btn" testId="compare-selected" hint="Tick two to four runs to compare" />
        <a className="btn btn--primary" href="#/new" data-testid="new-backtest">
          + New backtest
        </a>
      </div>
      <ErrorNote error={runs.error} what="The runs could not be loaded" />
      <FailedLaunches />
      {runs.isPending ? (
        <p className="muted">Loading…</p>
      ) : sorted.length === 0 ? (
        <div className="empty card" data-testid="runs-empty">
          {filtering ? (
            <p>No backtest matches this filter.</p>
          ) : (
            <>
              <p>No backtests yet.</p>
              <a className="btn btn--primary" href="#/new">
                Launch your first backtest
              </a>
            </>
          )}
        </div>
      ) : (
        <RunsTable
          runs={sorted}
          sortKey={prefs.sortKey}
          sortDir={prefs.sortDir}
          onSort={prefs.sortBy}
          selected={selected}
          onToggle={toggle}
          onOpen={(id) => navigate({ name: 'run', runId: id })}
          onDuplicate={(id) => navigate({ name: 'new', from: id })}
          onDelete={(run) => {
            del.reset();
            setToDelete(run);
          }}
        />
      )}
      <p className="muted list-foot" data-testid="runs-count">
        {runs.data ? `${sorted.length} ${sorted.length === 1 ? 'run' : 'runs'}${filtering ? ' matching' : ''}` : ''}
      </p>
      <ConfirmDialog
        open={toDelete !== null}
        title="Delete this backtest?"
        confirmLabel={del.isPending ? 'Deleting…' : 'Delete'}
        busy={del.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setToDelete(null)}
      >
        <p>
          <strong>{toDelete?.name}</strong> and everything recorded with it (orders, fills, equity) will be removed from the database. This
          cannot be undone.
        </p>
        <ErrorNote error={del.error} />
      </ConfirmDialog>
    </div>
  );
}
