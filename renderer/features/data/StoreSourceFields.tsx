import { ErrorNote } from '../../components/common/ErrorNote';
import type { SpecEditor } from '../newBacktest/FieldList';
import { getAt } from '../newBacktest/specPath';
import { useSeriesList } from './dataQueries';
import { storeChoices, toggleSymbol } from './storeBacktest';
import './data.css';

/** The spec paths this source edits, so the form places the engine's issues on them. */
export const STORE_FIELD_PATHS = ['data.store.bar_size', 'data.store.symbols'];

const stringList = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : undefined);

/** The New backtest form's bar store source: a bar size stored in the app, and its symbols to run on. */
export function StoreSourceFields({ editor }: { editor: SpecEditor }) {
  const list = useSeriesList();
  const barSize = String(getAt(editor.spec, 'data.store.bar_size') ?? '1d');
  const picked = stringList(getAt(editor.spec, 'data.store.symbols'));
  const { sizes, symbols } = storeChoices(list.data ?? [], barSize);
  const sizeIssues = editor.issues.get('data.store.bar_size');
  const symbolIssues = editor.issues.get('data.store.symbols');

  const setBarSize = (next: string): void => {
    const stored = storeChoices(list.data ?? [], next).symbols;
    const kept = picked?.filter((s) => stored.includes(s));
    editor.set('data.store', { bar_size: next, ...(kept && kept.length > 0 ? { symbols: kept } : {}) });
  };

  return (
    <div className="field-grid" data-testid="store-source">
      <ErrorNote error={list.error} what="The bar store could not be listed" />
      <div className="field" data-field="data.store.bar_size">
        <label htmlFor="f-data-store-bar_size">Bar size</label>
        <select
          id="f-data-store-bar_size"
          className="select"
          value={barSize}
          aria-invalid={sizeIssues !== undefined}
          data-testid="field-data.store.bar_size"
          onChange={(e) => setBarSize(e.target.value)}
        >
          {sizes.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <FieldIssues path="data.store.bar_size" messages={sizeIssues} />
      </div>
      <fieldset className="field field--wide store-symbols" data-field="data.store.symbols" aria-invalid={symbolIssues !== undefined}>
        <legend>
          Symbols <span className="muted">({picked ? `${picked.length} ticked` : `none ticked: all ${symbols.length} at ${barSize}`})</span>
        </legend>
        {symbols.length === 0 && <span className="muted">No {barSize} series in the bar store; import some on the Data screen.</span>}
        <div className="store-symbols__list">
          {[...symbols, ...(picked ?? []).filter((s) => !symbols.includes(s))].map((s) => (
            <label key={s} className="store-symbols__item">
              <input type="checkbox" checked={picked?.includes(s) ?? false} data-testid={`store-symbol-${s}`} onChange={() => editor.set('data.store.symbols', toggleSymbol(picked, s, symbols))} />
              {s}
            </label>
          ))}
        </div>
        <FieldIssues path="data.store.symbols" messages={symbolIssues} />
      </fieldset>
    </div>
  );
}

/** The engine's issues with one input, under it. */
function FieldIssues({ path, messages }: { path: string; messages: readonly string[] | undefined }) {
  if (!messages) return null;
  return (
    <div className="field__issue" role="alert" data-testid={`issue-${path}`}>
      {messages.join('; ')}
    </div>
  );
}
