import { useRef } from 'react';
import { STORE_FIELD_PATHS, StoreSourceFields } from '../data/StoreSourceFields';
import { csvToText, textToCsv } from './csvSource';
import { FieldList, FormCard, SectionIssues, type SpecEditor } from './FieldList';
import { PERIOD_FIELDS, SYNTHETIC_FIELDS } from './specFields';
import { getAt } from './specPath';
import { useDraftText } from './useDraftText';

type DataKind = 'synthetic' | 'csv' | 'store';

const SYNTHETIC_START = { synthetic: { symbols: 20, years: 10, seed: 1 } };
const CSV_START = { csv: '' };
const STORE_START = { store: { bar_size: '1d' } };

export const DATA_SECTION_PATHS = ['data', 'data.synthetic', 'data.csv', 'data.store'];

export function dataFieldPaths(kind: DataKind): string[] {
  const own = kind === 'synthetic' ? SYNTHETIC_FIELDS.map((f) => f.path) : kind === 'store' ? STORE_FIELD_PATHS : [];
  return [...own, ...PERIOD_FIELDS.map((f) => f.path)];
}

export function dataKindOf(data: unknown): DataKind {
  if (getAt(data, 'store') !== undefined) return 'store';
  return getAt(data, 'csv') !== undefined ? 'csv' : 'synthetic';
}

/** The data to run on (synthetic market, CSV files or the bar store), and the period. */
export function DataSection({ editor }: { editor: SpecEditor }) {
  const data = editor.spec.data;
  const kind = dataKindOf(data);
  // Switching back and forth keeps what was entered for each kind.
  const remembered = useRef<Record<DataKind, unknown>>({ synthetic: SYNTHETIC_START, csv: CSV_START, store: STORE_START });
  const switchTo = (next: DataKind): void => {
    if (next === kind) return;
    remembered.current[kind] = data;
    editor.set('data', remembered.current[next]);
  };
  const csvIssues = editor.issues.get('data.csv');
  const [csvText, setCsvText] = useDraftText(getAt(data, 'csv'), csvToText, textToCsv, (v) => editor.set('data.csv', v));

  return (
    <FormCard
      id="data"
      title="Data"
      head={
        <div className="segmented" role="radiogroup" aria-label="Data source">
          {(['synthetic', 'csv', 'store'] as const).map((k) => (
            <label key={k} className="segmented__item" data-checked={kind === k}>
              <input type="radio" name="data-kind" value={k} checked={kind === k} data-testid={`data-kind-${k}`} onChange={() => switchTo(k)} />
              {k === 'synthetic' ? 'Synthetic' : k === 'csv' ? 'CSV files' : 'Bar store'}
            </label>
          ))}
        </div>
      }
    >
      <SectionIssues path="data" editor={editor} />
      {kind === 'store' ? (
        <>
          <StoreSourceFields editor={editor} />
          <SectionIssues path="data.store" editor={editor} />
        </>
      ) : kind === 'synthetic' ? (
        <>
          <FieldList fields={SYNTHETIC_FIELDS} editor={editor} />
          <SectionIssues path="data.synthetic" editor={editor} />
        </>
      ) : (
        <div className="field field--wide" data-field="data.csv">
          <label htmlFor="f-data-csv">CSV files</label>
          <textarea
            id="f-data-csv"
            className="input"
            rows={3}
            spellCheck={false}
            placeholder={'../shared/data/GOOG.csv\nor one SYMBOL=path per line'}
            aria-invalid={csvIssues !== undefined}
            aria-describedby={csvIssues ? 'f-data-csv-issue' : 'f-data-csv-hint'}
            data-testid="field-data.csv"
            value={csvText}
            onChange={(e) => setCsvText(e.target.value)}
          />
          {csvIssues ? (
            <div className="field__issue" id="f-data-csv-issue" role="alert" data-testid="issue-data.csv">
              {csvIssues.join('; ')}
            </div>
          ) : (
            <div className="field__hint" id="f-data-csv-hint">
              Paths on the engine's machine, relative to the folder it was started in
            </div>
          )}
        </div>
      )}
      <h3 className="card__sub">Period</h3>
      <FieldList fields={PERIOD_FIELDS} editor={editor} />
    </FormCard>
  );
}
