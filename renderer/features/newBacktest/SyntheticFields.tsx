import { useState } from 'react';
import { FieldList, SectionIssues, type SpecEditor } from './FieldList';
import { FormField } from './FormField';
import { marketModelSummary } from './marketModelSummary';
import { getAt } from './specPath';
import { REGIME_SWITCH, REGIMES_PATH, SESSION_PATH, syntheticLayout } from './syntheticFields';
import { sessionKeyOf, syntheticSize, withSessionTime } from './syntheticSession';
import './newBacktest.css';

/** The synthetic market: size and bars up front, the market's character in a collapsible group. */
export function SyntheticFields({ editor }: { editor: SpecEditor }) {
  const synthetic = getAt(editor.spec, 'data.synthetic');
  const layout = syntheticLayout(synthetic);
  // The two session times are one spec object: editing either keeps the other.
  const synthEditor: SpecEditor = {
    ...editor,
    set: (path, value) => {
      const key = sessionKeyOf(path);
      if (key === null) editor.set(path, value);
      else editor.set(SESSION_PATH, withSessionTime(getAt(editor.spec, SESSION_PATH), key, value));
    },
  };
  return (
    <>
      <FieldList fields={layout.main} editor={synthEditor} />
      <SizeNote synthetic={synthetic} />
      <MarketModel editor={editor} synthetic={synthetic} />
      <SectionIssues path="data.synthetic" editor={editor} />
    </>
  );
}

/** How many bars the choice makes, and why the generator would refuse it when it would. */
function SizeNote({ synthetic }: { synthetic: unknown }) {
  const size = syntheticSize(synthetic);
  if (!size) return null;
  if (size.problem) {
    return (
      <div className="field__issue field__issue--section" role="alert" data-testid="synthetic-size">
        The run would fail: {size.problem}
      </div>
    );
  }
  const n = (v: number): string => v.toLocaleString('en-US');
  const perSymbol = size.barsPerSession === null ? `${n(size.barsPerSymbol)} daily bars` : `${n(size.sessions)} sessions × ${n(size.barsPerSession)} bars = ${n(size.barsPerSymbol)}`;
  return (
    <p className="field__hint synthetic-size" data-testid="synthetic-size">
      {perSymbol} per symbol, {n(size.total)} in all
    </p>
  );
}

function MarketModel({ editor, synthetic }: { editor: SpecEditor; synthetic: unknown }) {
  const [open, setOpen] = useState(false);
  const { market, regimes } = syntheticLayout(synthetic);
  const paths = [...market, REGIME_SWITCH, ...regimes].map((f) => f.path);
  // An issue inside keeps the group open, so it is never hidden.
  const expanded = open || paths.some((p) => editor.issues.has(p));
  const summary = marketModelSummary(synthetic);
  const regimesOn = getAt(synthetic, 'regimes') !== undefined;
  return (
    <div className="disclosure">
      <button
        type="button"
        className="disclosure__toggle"
        aria-expanded={expanded}
        aria-controls="market-model"
        data-testid="market-model-toggle"
        onClick={() => setOpen(!expanded)}
      >
        <span className="disclosure__chevron" aria-hidden="true">
          ▸
        </span>
        Market model
        <span className="disclosure__summary" data-testid="market-model-summary">
          {summary.length > 0 ? summary.join(' · ') : 'defaults'}
        </span>
      </button>
      {expanded && (
        <div id="market-model" className="disclosure__body">
          <FieldList fields={market} editor={editor} />
          <FieldList fields={regimes} editor={editor}>
            <FormField
              field={REGIME_SWITCH}
              value={regimesOn}
              issues={editor.issues.get(REGIMES_PATH)}
              onChange={(on) => editor.set(REGIMES_PATH, on === true ? {} : undefined)}
            />
          </FieldList>
        </div>
      )}
    </div>
  );
}
