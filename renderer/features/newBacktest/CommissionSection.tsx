import { FieldList, FormCard, SectionIssues, type SpecEditor } from './FieldList';
import { COMMISSION_DEFAULTS, COMMISSION_FIELDS, COMMISSION_LABELS, COMMISSION_MODELS, isCommissionModel, type CommissionModel } from './specFields';
import { getAt } from './specPath';

export function commissionModelOf(spec: unknown): CommissionModel {
  const model = getAt(spec, 'simulator.commission.model');
  return isCommissionModel(model) ? model : 'ibkr_fixed';
}

export function CommissionSection({ editor }: { editor: SpecEditor }) {
  const model = commissionModelOf(editor.spec);
  return (
    <FormCard id="commission" title="Commission">
      <FieldList fields={COMMISSION_FIELDS[model]} editor={editor}>
        <div className="field">
          <label htmlFor="f-commission-model">Model</label>
          <select
            id="f-commission-model"
            className="select"
            data-testid="field-simulator.commission.model"
            value={model}
            onChange={(e) => editor.set('simulator.commission', COMMISSION_DEFAULTS[e.target.value as CommissionModel])}
          >
            {COMMISSION_MODELS.map((m) => (
              <option key={m} value={m}>
                {COMMISSION_LABELS[m]}
              </option>
            ))}
          </select>
        </div>
      </FieldList>
      <SectionIssues path="simulator.commission" editor={editor} />
    </FormCard>
  );
}
