import { useState, type FormEvent } from 'react';
import type { SeriesInfoDto } from '../../../core/ipc/contract/data';
import type { HistoryChoice } from '../../../core/ipc/contract/trading';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtDate, fmtInt } from '../../components/common/format';
import { ProgressBar } from '../../components/common/ProgressBar';
import { useTradingState } from '../trading/tradingQueries';
import { useDownloadHistory, useProgress, useResolveHistory } from './dataQueries';
import { HistoryDecision } from './HistoryDecision';
import { MAX_YEARS, MIN_YEARS, normaliseSymbol, parseYears } from './historyDownload';

interface HistoryDownloadProps {
  series: readonly SeriesInfoDto[];
  onDownloaded: (symbol: string) => void;
}

/** Daily bars for a symbol from the connected broker (TWS / IB Gateway or Alpaca), into the bar store; over a stored series, only as the trader decides. */
export function HistoryDownload({ series, onDownloaded }: HistoryDownloadProps) {
  const trading = useTradingState();
  const download = useDownloadHistory();
  const resolve = useResolveHistory();
  const [symbolText, setSymbolText] = useState('');
  const [yearsText, setYearsText] = useState('10');
  const symbol = normaliseSymbol(symbolText);
  const years = parseYears(yearsText);
  const progress = useProgress('trading.historyProgress', download.variables?.symbol ?? null, download.isPending);
  const connected = trading.data?.connection.state === 'ready';
  const replaces = symbol === null ? undefined : series.find((s) => s.symbol === symbol && s.barSize === '1d');

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (symbol === null || years === null || !connected) return;
    resolve.reset();
    download.mutate({ symbol, years }, {
        onSuccess: (res) => {
          if (res.written) onDownloaded(res.written.symbol);
        },
      });
  };
  const decision = download.data?.decision && !resolve.data ? download.data.decision : null;
  const written = resolve.data ? resolve.data.written : (download.data?.written ?? null);
  const choose = (choice: HistoryChoice): void => {
    if (!decision) return;
    resolve.mutate({ symbol: decision.symbol, choice }, {
        onSuccess: (res) => {
          if (res.written) onDownloaded(res.written.symbol);
        },
      });
  };

  return (
    <section className="card" aria-labelledby="history-title" data-testid="history-download">
      <div className="card__head">
        <h2 id="history-title">Download daily history from {trading.data?.connection.broker === 'alpaca' ? 'Alpaca' : 'TWS'}</h2>
        <span className="muted" data-testid="history-connection">
          {connected ? 'connected' : <a href="#/trading">connect on the Trading screen first</a>}
        </span>
      </div>
      <form className="history-form" onSubmit={submit} noValidate>
        <label className="data-control">
          <span>Symbol</span>
          <input className="input" value={symbolText} maxLength={32} aria-invalid={symbolText !== '' && symbol === null} data-testid="history-symbol" onChange={(e) => setSymbolText(e.target.value)} />
        </label>
        <label className="data-control">
          <span>Years</span>
          <input
            className="input history-years"
            type="number"
            min={MIN_YEARS}
            max={MAX_YEARS}
            step={1}
            value={yearsText}
            aria-invalid={years === null}
            data-testid="history-years"
            onChange={(e) => setYearsText(e.target.value)}
          />
        </label>
        <button type="submit" className="btn btn--primary" data-testid="history-submit" disabled={!connected || symbol === null || years === null || download.isPending}>
          {download.isPending ? 'Downloading…' : 'Download'}
        </button>
        {replaces && (
          <span className="muted">
            {replaces.symbol} 1d is stored ({fmtInt(replaces.bars)} bars): you will be asked before it changes
          </span>
        )}
      </form>
      {download.isPending && (
        <div className="import-progress" data-testid="history-progress">
          <ProgressBar done={progress?.done ?? 0} total={progress?.total ?? 0} label="Bars downloaded" />
          <span className="muted">{progress ? `${fmtInt(progress.done)} of ${fmtInt(progress.total)}` : 'Asking the broker…'}</span>
        </div>
      )}
      <ErrorNote error={download.error} what="Download failed; the store is unchanged" />
      {decision && !download.isPending && <HistoryDecision decision={decision} busy={resolve.isPending} onChoose={choose} />}
      <ErrorNote error={resolve.error} what="Storing the download failed; the store is unchanged" />
      {written && !download.isPending && (
        <p className="pos" role="status" data-testid="history-done">
          Downloaded {written.symbol}: {fmtInt(written.bars)} daily bars, {fmtDate(written.firstTs)} → {fmtDate(written.lastTs)}.
        </p>
      )}
      {resolve.data && resolve.data.written === null && (
        <p className="muted" role="status" data-testid="history-cancelled">
          Download discarded; the stored series is unchanged.
        </p>
      )}
    </section>
  );
}
