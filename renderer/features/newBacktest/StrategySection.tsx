import { useMemo } from 'react';
import type { StrategyInfo } from '../../../core/ipc/contract/backtests';
import type { FieldModel } from './fieldModel';
import { FieldList, FormCard, SectionIssues, type SpecEditor } from './FieldList';
import { fieldsFromSchema } from './schemaFields';
import { getAt } from './specPath';

/** A spec naming a strategy module (not a built-in) edits its path and its params as JSON. */
const MODULE = '__module__';
const MODULE_FIELDS: FieldModel[] = [
  { kind: 'text', path: 'strategy.module', label: 'Module path', required: true, hint: 'A .ts or .js file exporting the strategy' },
  { kind: 'json', path: 'strategy.params', label: 'Params', required: false, hint: 'A JSON object' },
];

export const STRATEGY_SECTION_PATHS = ['strategy', 'strategy.params'];

/** The params inputs of the chosen strategy, generated from the JSON Schema the engine publishes. */
export function strategyFields(spec: unknown, strategies: readonly StrategyInfo[]): FieldModel[] {
  if (getAt(spec, 'strategy.module') !== undefined) return MODULE_FIELDS;
  const info = strategies.find((s) => s.name === getAt(spec, 'strategy.name'));
  return info ? fieldsFromSchema(info.paramsSchema, 'strategy.params') : [];
}

export function StrategySection({ editor, strategies }: { editor: SpecEditor; strategies: readonly StrategyInfo[] }) {
  const isModule = getAt(editor.spec, 'strategy.module') !== undefined;
  const name = getAt(editor.spec, 'strategy.name');
  const chosen = isModule ? MODULE : typeof name === 'string' ? name : '';
  const info = strategies.find((s) => s.name === chosen);
  const fields = useMemo(() => strategyFields(editor.spec, strategies), [editor.spec, strategies]);

  const pick = (next: string): void => {
    if (next === MODULE) {
      editor.set('strategy', { module: '', params: {} });
      return;
    }
    const picked = strategies.find((s) => s.name === next);
    editor.set('strategy', { name: next, params: { ...(picked?.defaults ?? {}) } });
  };

  return (
    <FormCard id="strategy" title="Strategy">
      <div className="field field--wide">
        <label htmlFor="f-strategy-name">Strategy</label>
        <select id="f-strategy-name" className="select" data-testid="field-strategy.name" value={chosen} onChange={(e) => pick(e.target.value)}>
          {chosen === '' && <option value="">Choose…</option>}
          {strategies.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
            </option>
          ))}
          <option value={MODULE}>Strategy module…</option>
        </select>
        {info && <div className="field__hint">{info.description}</div>}
      </div>
      <SectionIssues path="strategy" editor={editor} />
      {fields.length > 0 && (
        <>
          <h3 className="card__sub">Parameters</h3>
          <FieldList fields={fields} editor={editor} />
        </>
      )}
      <SectionIssues path="strategy.params" editor={editor} />
    </FormCard>
  );
}
