import { useRef } from 'react';
import { StoreSourceFields } from '../data/StoreSourceFields';
import { adjustmentField } from './adjustmentField';
import { csvToText, textToCsv } from './csvSource';
import { FieldList, FormCard, SectionIssues, type SpecEditor } from './FieldList';
import { dataKindOf, type DataKind } from './dataFields';
import { PERIOD_FIELDS } from './specFields';
import { getAt } from './specPath';
import { SyntheticFields } from './SyntheticFields';
import { useDraftText } from './useDraftText';
import './newBacktest.css';

const SYNTHETIC_START = { synthetic: { symbols: 20, years: 10, seed: 1 } };
const CSV_START = { csv: '' };
const STORE_START = { store: { bar_size: '1d' } };

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
  // Synthetic prices are never adjusted: the engine refuses an adjustment for them.
  const adjustment = kind === 'synthetic' ? [] : [adjustmentField(getAt(data, 'adjustment'))];

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
          <div className="store-adjustment">
            <FieldList fields={adjustment} editor={editor} />
          </div>
          <SectionIssues path="data.store" editor={editor} />
        </>
      ) : kind === 'synthetic' ? (
        <SyntheticFields editor={editor} />
      ) : (
        <FieldList fields={adjustment} editor={editor}>
          <CsvFilesField editor={editor} />
        </FieldList>
      )}
      <h3 className="card__sub">Period</h3>
      <FieldList fields={PERIOD_FIELDS} editor={editor} />
    </FormCard>
  );
}

/** The CSV files as one text box: a path, or one SYMBOL=path per line. */
function CsvFilesField({ editor }: { editor: SpecEditor }) {
  const issues = editor.issues.get('data.csv');
  const [text, setText] = useDraftText(getAt(editor.spec, 'data.csv'), csvToText, textToCsv, (v) => editor.set('data.csv', v));
  return (
    <div className="field field--wide" data-field="data.csv">
      <label htmlFor="f-data-csv">CSV files</label>
      <textarea
        id="f-data-csv"
        className="input"
        rows={3}
        spellCheck={false}
        placeholder={'fixtures/data/GOOG.csv\nor one SYMBOL=path per line'}
        aria-invalid={issues !== undefined}
        aria-describedby={issues ? 'f-data-csv-issue' : 'f-data-csv-hint'}
        data-testid="field-data.csv"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {issues ? (
        <div className="field__issue" id="f-data-csv-issue" role="alert" data-testid="issue-data.csv">
          {issues.join('; ')}
        </div>
      ) : (
        <div className="field__hint" id="f-data-csv-hint">
          Paths on the engine's machine, relative to the folder it was started in
        </div>
      )}
    </div>
  );
}
