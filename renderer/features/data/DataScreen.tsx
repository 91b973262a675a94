import { useState } from 'react';
import type { SeriesInfoDto } from '../../../core/ipc/contract/data';
import { useSpecDefaults } from '../../api/backtests';
import { ConfirmDialog } from '../../components/common/ConfirmDialog';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtInt } from '../../components/common/format';
import { useDraftStore } from '../../stores/draftStore';
import { navigate } from '../../stores/routeStore';
import { ChartPanel } from './ChartPanel';
import { fmtBarStamp, seriesId } from './coverage';
import { useDeleteSeries, useSeriesList } from './dataQueries';
import { HistoryDownload } from './HistoryDownload';
import { ImportDialog } from './ImportDialog';
import { SeriesTable } from './SeriesTable';
import { storeBacktestSpec } from './storeBacktest';
import './data.css';

/** The bar store: what is stored and how much of it, a chart of one series, imports and deletes. */
export function DataScreen() {
  const list = useSeriesList();
  const defaults = useSpecDefaults();
  const loadDraft = useDraftStore((s) => s.load);
  const remove = useDeleteSeries();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [toDelete, setToDelete] = useState<SeriesInfoDto | null>(null);
  const [imported, setImported] = useState<SeriesInfoDto | null>(null);

  const series = list.data ?? [];
  const selected = series.find((s) => seriesId(s) === selectedId) ?? null;

  const backtest = (s: SeriesInfoDto): void => {
    if (!defaults.data) return;
    // The form keeps its draft in the store; it opens on this one as it opens on a duplicated run.
    loadDraft(storeBacktestSpec(defaults.data.spec, s), 'defaults');
    navigate({ name: 'new', from: null });
  };
  const confirmDelete = (): void => {
    if (!toDelete) return;
    remove.mutate(
      { symbol: toDelete.symbol, barSize: toDelete.barSize },
      {
        onSuccess: () => {
          if (seriesId(toDelete) === selectedId) setSelectedId(null);
          if (imported && seriesId(imported) === seriesId(toDelete)) setImported(null);
          setToDelete(null);
        },
      },
    );
  };

  return (
    <div className="data-screen">
      <div className="screen-head">
        <h1>Market data</h1>
        <span className="muted">{list.data ? `${fmtInt(series.length)} series in the bar store` : ''}</span>
        <button type="button" className="btn btn--primary" data-testid="data-import" onClick={() => setImporting(true)}>
          Import file…
        </button>
      </div>
      <ErrorNote error={list.error} what="The bar store could not be listed" />
      <ErrorNote error={defaults.error} what="The backtest defaults could not be loaded" />
      {imported && (
        <div className="notice import-ok data-notice" role="status" data-testid="import-done">
          Imported {imported.symbol} {imported.barSize}: {fmtInt(imported.bars)} bars, {fmtBarStamp(imported.firstTs, imported.barSeconds)} →{' '}
          {fmtBarStamp(imported.lastTs, imported.barSeconds)}.
          <button type="button" className="btn btn--small btn--ghost" onClick={() => setImported(null)}>
            Dismiss
          </button>
        </div>
      )}
      {list.data && series.length === 0 ? (
        <div className="empty card" data-testid="data-empty">
          <p>The bar store is empty.</p>
          <button type="button" className="btn btn--primary" onClick={() => setImporting(true)}>
            Import a CSV file
          </button>
        </div>
      ) : (
        <SeriesTable
          series={series}
          selected={selectedId}
          canOpenForm={defaults.data !== undefined}
          onSelect={(s) => setSelectedId(seriesId(s))}
          onBacktest={backtest}
          onDelete={(s) => (remove.reset(), setToDelete(s))}
        />
      )}
      {selected ? (
        <ChartPanel key={selectedId} series={selected} />
      ) : (
        series.length > 0 && <p className="muted data-hint">Select a series to chart it.</p>
      )}
      <HistoryDownload series={series} onDownloaded={(symbol) => setSelectedId(seriesId({ symbol, barSize: '1d' }))} />

      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(s) => {
          setImporting(false);
          setImported(s);
          setSelectedId(seriesId(s));
        }}
      />
      <ConfirmDialog
        open={toDelete !== null}
        title={toDelete ? `Delete ${toDelete.symbol} ${toDelete.barSize}?` : 'Delete series?'}
        confirmLabel={remove.isPending ? 'Deleting…' : 'Delete series'}
        busy={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setToDelete(null)}
      >
        {toDelete && (
          <p>
            Removes its {fmtInt(toDelete.bars)} bars ({fmtBarStamp(toDelete.firstTs, toDelete.barSeconds)} → {fmtBarStamp(toDelete.lastTs, toDelete.barSeconds)}) from the bar
            store. Recorded runs keep their results, but their price charts and new backtests need these bars imported again.
          </p>
        )}
        <ErrorNote error={remove.error} what="Delete failed" />
      </ConfirmDialog>
    </div>
  );
}
