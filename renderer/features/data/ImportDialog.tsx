import { useEffect, useState, type ChangeEvent } from 'react';
import { DATA_IMPORT_FORMATS, type SeriesInfoDto } from '../../../core/ipc/contract/data';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtInt } from '../../components/common/format';
import { ProgressBar } from '../../components/common/ProgressBar';
import { useDebounced } from '../../components/common/useDebounced';
import { useModalDialog } from '../../components/common/useModalDialog';
import { useImport, usePreview, useProgress } from './dataQueries';
import { importBlock, importInput, previewMatches, uploadTooLarge, type ImportFormat, type ImportRequest } from './importForm';
import { ImportPreview } from './ImportPreview';

const FORMATS: readonly ImportFormat[] = ['auto', ...DATA_IMPORT_FORMATS];
const SYMBOL_DEBOUNCE_MS = 300;

interface PickedFile {
  name: string;
  text: string;
}

interface ImportDialogProps {
  open: boolean;
  onClose: () => void;
  onImported: (series: SeriesInfoDto) => void;
}

/**
 * Pick a file, see what importing it would do (the engine's preview, nothing written), then import it
 * whole. The file is read here, in the page, and its text sent to the engine.
 */
export function ImportDialog({ open, onClose, onImported }: ImportDialogProps) {
  const ref = useModalDialog(open);
  const [file, setFile] = useState<PickedFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [symbol, setSymbol] = useState('');
  const [format, setFormat] = useState<ImportFormat>('auto');
  const [replace, setReplace] = useState(false);
  const preview = usePreview();
  const runImport = useImport();
  const progress = useProgress('data.importProgress', file?.name ?? null, runImport.isPending);
  const settledSymbol = useDebounced(symbol, SYMBOL_DEBOUNCE_MS);

  const { mutate: askPreview, reset: resetPreview } = preview;
  useEffect(() => {
    if (file === null) return;
    askPreview(importInput({ ...file, symbol: settledSymbol, format }));
  }, [file, settledSymbol, format, askPreview]);

  const reset = (): void => {
    setFile(null);
    setFileError(null);
    setSymbol('');
    setFormat('auto');
    setReplace(false);
    resetPreview();
    runImport.reset();
  };
  const close = (): void => {
    if (runImport.isPending) return;
    reset();
    onClose();
  };

  const pick = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const picked = e.target.files?.[0];
    setFile(null);
    resetPreview();
    runImport.reset();
    setReplace(false);
    if (!picked) return;
    const tooLarge = uploadTooLarge(picked.size);
    setFileError(tooLarge);
    if (tooLarge) return;
    try {
      setFile({ name: picked.name, text: await picked.text() });
    } catch (err) {
      setFileError(`${picked.name} could not be read: ${(err as Error).message}`);
    }
  };

  const request: ImportRequest | null = file && { ...file, symbol, format };
  const current = request !== null && previewMatches(preview.variables, request) ? preview.data : undefined;
  const block = importBlock(current, replace);
  const checking = request !== null && current === undefined && !preview.error;

  const submit = (): void => {
    if (request === null || block !== null) return;
    runImport.mutate({ ...importInput(request), replace }, { onSuccess: (res) => (reset(), onImported(res.series)) });
  };

  return (
    <dialog ref={ref} className="confirm import-dialog" data-testid="import-dialog" aria-labelledby="import-title" onCancel={(e) => (e.preventDefault(), close())}>
      <h2 id="import-title">Import bars from a file</h2>
      <div className="field-grid import-inputs">
        <div className="field field--wide">
          <label htmlFor="import-file">File (CSV or text: Yahoo, Stooq, backtrader, IB or generic columns)</label>
          <input id="import-file" className="input" type="file" accept=".csv,.txt,text/csv,text/plain" data-testid="import-file" onChange={(e) => void pick(e)} />
        </div>
        <div className="field">
          <label htmlFor="import-symbol">Symbol</label>
          <input
            id="import-symbol"
            className="input"
            placeholder={current?.symbol ?? 'from the file name'}
            value={symbol}
            maxLength={50}
            data-testid="import-symbol"
            onChange={(e) => setSymbol(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="import-format">Format</label>
          <select id="import-format" className="select" value={format} data-testid="import-format" onChange={(e) => setFormat(e.target.value as ImportFormat)}>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {f === 'auto' ? 'auto-detect' : f}
              </option>
            ))}
          </select>
        </div>
      </div>

      {fileError && (
        <div className="notice notice--error" role="alert" data-testid="import-file-error">
          {fileError}
        </div>
      )}
      <ErrorNote error={preview.error} what="The engine could not preview the file" />
      {checking && <p className="muted">Reading the file…</p>}
      {current && <ImportPreview preview={current} replace={replace} onReplace={setReplace} />}

      {runImport.isPending && (
        <div className="import-progress" data-testid="import-progress">
          <ProgressBar done={progress?.done ?? 0} total={progress?.total ?? 0} label="Rows imported" />
          <span className="muted">{progress ? `${fmtInt(progress.done)} of ${fmtInt(progress.total)} rows` : 'Starting…'}</span>
        </div>
      )}
      <ErrorNote error={runImport.error} what="Import failed; nothing was written" />

      <div className="dialog-actions">
        <button type="button" className="btn" onClick={close} disabled={runImport.isPending}>
          {current && !current.valid ? 'Close' : 'Cancel'}
        </button>
        <button
          type="button"
          className="btn btn--primary"
          data-testid="import-submit"
          disabled={block !== null || runImport.isPending}
          title={block === 'exists' ? 'Tick "Replace" to overwrite the stored series' : block === 'invalid' ? 'Fix the errors in the file first' : undefined}
          onClick={submit}
        >
          {runImport.isPending ? 'Importing…' : current?.existing && replace ? 'Replace series' : 'Import'}
        </button>
      </div>
    </dialog>
  );
}
