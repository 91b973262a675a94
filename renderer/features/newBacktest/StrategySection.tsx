import { useEffect, useMemo, useRef } from 'react';
import type { StrategyInfo, StrategyModuleInfo } from '../../../core/ipc/contract/backtests';
import type { FieldModel } from './fieldModel';
import { FieldList, FormCard, SectionIssues, type SpecEditor } from './FieldList';
import { fieldsFromSchema } from './schemaFields';
import { getAt } from './specPath';

/** A spec naming a strategy module (not a built-in) edits its path, and its params as the module's schema allows. */
const MODULE = '__module__';
const MODULE_PATH: FieldModel = {
  kind: 'text',
  path: 'strategy.module',
  label: 'Module path',
  required: true,
  hint: "A .ts or .js file exporting the strategy, on the engine's machine, relative to the folder it was started in",
  wide: true,
};
const PARAMS_JSON: FieldModel = { kind: 'json', path: 'strategy.params', label: 'Params', required: false, hint: 'A JSON object' };
const PARAMS_UNCHECKED: FieldModel = { ...PARAMS_JSON, hint: 'The module declares no params schema: a JSON object, passed to it as is' };

export const STRATEGY_SECTION_PATHS = ['strategy', 'strategy.params'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The params inputs of the chosen strategy, generated from the JSON Schema the engine publishes: a
 * built-in's, or the module's once the engine has read it (`moduleInfo`); a module without a schema
 * (or not read yet) takes its params as JSON.
 */
export function strategyFields(spec: unknown, strategies: readonly StrategyInfo[], moduleInfo: StrategyModuleInfo | null): FieldModel[] {
  if (getAt(spec, 'strategy.module') !== undefined) {
    const generated = moduleInfo?.paramsSchema ? fieldsFromSchema(moduleInfo.paramsSchema, 'strategy.params') : [];
    if (generated.length > 0) return [MODULE_PATH, ...generated];
    return [MODULE_PATH, moduleInfo?.paramsSchema === null ? PARAMS_UNCHECKED : PARAMS_JSON];
  }
  const info = strategies.find((s) => s.name === getAt(spec, 'strategy.name'));
  return info ? fieldsFromSchema(info.paramsSchema, 'strategy.params') : [];
}

interface StrategySectionProps {
  editor: SpecEditor;
  strategies: readonly StrategyInfo[];
  /** The spec's strategy module as the engine read it (see useStrategyModule). */
  moduleInfo: StrategyModuleInfo | null;
}

export function StrategySection({ editor, strategies, moduleInfo }: StrategySectionProps) {
  const isModule = getAt(editor.spec, 'strategy.module') !== undefined;
  const name = getAt(editor.spec, 'strategy.name');
  const chosen = isModule ? MODULE : typeof name === 'string' ? name : '';
  const info = strategies.find((s) => s.name === chosen);
  const fields = useMemo(() => strategyFields(editor.spec, strategies, moduleInfo), [editor.spec, strategies, moduleInfo]);
  // The module's path is no parameter: it goes beside the strategy's choice, above them.
  const paramFields = fields.filter((f) => f !== MODULE_PATH);

  // A module's defaults fill in its params once it is read, as picking a built-in fills in the built-in's;
  // once per module file, so a value the trader clears stays cleared.
  const filledFor = useRef<string | null>(null);
  useEffect(() => {
    if (!isModule || !moduleInfo || moduleInfo.paramsSchema === null) {
      filledFor.current = null;
      return;
    }
    if (filledFor.current === moduleInfo.file) return;
    filledFor.current = moduleInfo.file;
    const params = getAt(editor.spec, 'strategy.params');
    const given = isRecord(params) ? params : {};
    if (Object.keys(moduleInfo.defaults).some((k) => !(k in given))) editor.set('strategy.params', { ...moduleInfo.defaults, ...given });
  }, [isModule, moduleInfo, editor]);

  // An emptied module path stays a module strategy with no path yet (an absent key would be no strategy).
  const fieldEditor: SpecEditor = isModule ? { ...editor, set: (path, value) => editor.set(path, path === MODULE_PATH.path && value === undefined ? '' : value) } : editor;

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
      <FieldList fields={isModule ? [MODULE_PATH] : []} editor={fieldEditor}>
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
      </FieldList>
      <SectionIssues path="strategy" editor={editor} />
      {paramFields.length > 0 && (
        <>
          <h3 className="card__sub">Parameters</h3>
          <FieldList fields={paramFields} editor={fieldEditor} />
        </>
      )}
      <SectionIssues path="strategy.params" editor={editor} />
    </FormCard>
  );
}
