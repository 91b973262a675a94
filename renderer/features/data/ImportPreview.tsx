import type { ImportPreviewDto } from '../../../core/ipc/contract/data';
import { fmtDateTime, fmtInt } from '../../components/common/format';
import { nominalSeconds } from './barSizes';
import { fmtBarStamp, fmtPrice, fmtVolume } from './coverage';
import { fmtIssueAt, issueMessage } from './importForm';

interface ImportPreviewProps {
  preview: ImportPreviewDto;
  replace: boolean;
  onReplace: (replace: boolean) => void;
}

/** What importing the file would do: what was detected, the validation result and what it replaces. */
export function ImportPreview({ preview: p, replace, onReplace }: ImportPreviewProps) {
  const seconds = (p.barSize === null ? null : nominalSeconds(p.barSize)) ?? 86_400;
  const existing = p.existing;
  return (
    <div className="import-preview" data-testid="import-preview" data-valid={p.valid}>
      <dl className="import-facts">
        <Fact label="Format" value={p.format ?? 'not recognised'} testId="preview-format" />
        <Fact label="Symbol" value={p.symbol ?? '—'} testId="preview-symbol" />
        <Fact label="Bar size" value={p.barSize ?? '—'} testId="preview-bar-size" />
        <Fact label="Bars" value={fmtInt(p.bars)} testId="preview-bars" />
        <Fact label="First" value={fmtBarStamp(p.firstTs, seconds)} testId="preview-first" />
        <Fact label="Last" value={fmtBarStamp(p.lastTs, seconds)} testId="preview-last" />
      </dl>

      {p.valid ? (
        <div className="notice import-ok" data-testid="preview-valid">
          ✓ No errors: the file can be imported as a whole.
        </div>
      ) : (
        <div className="notice notice--error" role="alert" data-testid="preview-errors">
          <strong>The file is rejected; nothing of it will be written.</strong>
          <ul className="import-issues">
            {p.errors.map((e, i) => {
              const at = fmtIssueAt(e);
              return (
                <li key={i} data-testid="preview-error" data-line={e.line}>
                  {at && <span className="import-issues__at">{at}: </span>}
                  {issueMessage(e, p.name)}
                </li>
              );
            })}
          </ul>
        </div>
      )}

      {p.warnings.length > 0 && (
        <div className="notice notice--warn" data-testid="preview-warnings">
          <ul className="import-issues">
            {p.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}

      {existing && p.valid && (
        <div className="notice notice--warn" data-testid="preview-existing">
          <p>
            {existing.symbol} {existing.barSize} is already stored: {fmtInt(existing.bars)} bars, {fmtBarStamp(existing.firstTs, existing.barSeconds)} →{' '}
            {fmtBarStamp(existing.lastTs, existing.barSeconds)}, imported {fmtDateTime(existing.importedAt)}.
          </p>
          <label className="row">
            <input type="checkbox" checked={replace} data-testid="import-replace" onChange={(e) => onReplace(e.target.checked)} />
            Replace the stored series with this file (all at once; otherwise the import is refused)
          </label>
        </div>
      )}

      <h3 className="card__sub">First lines of the file</h3>
      <pre className="import-head" data-testid="preview-head">
        {p.head.join('\n')}
      </pre>

      {p.sample.length > 0 && (
        <>
          <h3 className="card__sub">First bars as read</h3>
          <div className="table-wrap">
            <table className="table" data-testid="preview-sample">
              <thead>
                <tr>
                  <th>Time</th>
                  <th className="num">Open</th>
                  <th className="num">High</th>
                  <th className="num">Low</th>
                  <th className="num">Close</th>
                  <th className="num">Volume</th>
                </tr>
              </thead>
              <tbody>
                {p.sample.map((b) => (
                  <tr key={b.ts}>
                    <td>{fmtBarStamp(b.ts, seconds)}</td>
                    <td className="num">{fmtPrice(b.open)}</td>
                    <td className="num">{fmtPrice(b.high)}</td>
                    <td className="num">{fmtPrice(b.low)}</td>
                    <td className="num">{fmtPrice(b.close)}</td>
                    <td className="num">{fmtVolume(b.volume)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}
