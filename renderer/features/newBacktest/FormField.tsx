import { useCallback } from 'react';
import type { FieldModel } from './fieldModel';
import { inputMax, inputMin, inputText, parseInput } from './fieldValues';
import { useDraftText } from './useDraftText';

interface FormFieldProps {
  field: FieldModel;
  value: unknown;
  issues?: readonly string[];
  onChange: (value: unknown) => void;
}

const idFor = (path: string): string => `f-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** One labelled input for any field model, with the engine's issues (or the hint) below it. */
export function FormField({ field, value, issues, onChange }: FormFieldProps) {
  const id = idFor(field.path);
  const invalid = issues !== undefined && issues.length > 0;
  const note = invalid ? (
    <div className="field__issue" id={`${id}-issue`} role="alert" data-testid={`issue-${field.path}`}>
      {issues.join('; ')}
    </div>
  ) : field.hint ? (
    <div className="field__hint" id={`${id}-hint`}>
      {field.hint}
    </div>
  ) : null;
  const describedBy = invalid ? `${id}-issue` : field.hint ? `${id}-hint` : undefined;

  if (field.kind === 'boolean') {
    const checked = value === undefined ? field.defaultValue === true : value === true;
    return (
      <div className={`field field--check${field.wide ? ' field--wide' : ''}`} data-field={field.path}>
        <label htmlFor={id}>
          <input
            id={id}
            type="checkbox"
            checked={checked}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            data-testid={`field-${field.path}`}
            onChange={(e) => onChange(e.target.checked)}
          />
          {field.label}
        </label>
        {note}
      </div>
    );
  }

  return (
    <div className={`field${field.kind === 'json' || field.wide ? ' field--wide' : ''}`} data-field={field.path}>
      <label htmlFor={id}>
        {field.label}
        {field.required && <span className="field__required"> *</span>}
      </label>
      <div className="field__control">
        <FieldInput field={field} id={id} value={value} invalid={invalid} describedBy={describedBy} onChange={onChange} />
        {field.kind === 'number' && field.unit && <span className="field__unit">{field.unit}</span>}
      </div>
      {note}
    </div>
  );
}

interface FieldInputProps {
  field: FieldModel;
  id: string;
  value: unknown;
  invalid: boolean;
  describedBy: string | undefined;
  onChange: (value: unknown) => void;
}

function FieldInput({ field, id, value, invalid, describedBy, onChange }: FieldInputProps) {
  const toText = useCallback((v: unknown) => inputText(field, v), [field]);
  const fromText = useCallback((t: string) => parseInput(field, t), [field]);
  const [text, change] = useDraftText(value, toText, fromText, onChange);

  const common = {
    id,
    'aria-invalid': invalid,
    'aria-describedby': describedBy,
    'data-testid': `field-${field.path}`,
  };
  const placeholder = field.defaultValue === undefined ? undefined : inputText(field, field.defaultValue);

  switch (field.kind) {
    case 'select':
      return (
        <select {...common} className="select" value={text === '' && placeholder ? placeholder : text} onChange={(e) => change(e.target.value)}>
          {!field.required && field.defaultValue === undefined && <option value="">—</option>}
          {field.options.map((o) => (
            <option key={String(o.value)} value={String(o.value)}>
              {o.label}
            </option>
          ))}
        </select>
      );
    case 'json':
      return <textarea {...common} className="input" rows={2} spellCheck={false} value={text} onChange={(e) => change(e.target.value)} />;
    case 'number':
      return (
        <input
          {...common}
          className="input"
          type="number"
          inputMode="decimal"
          min={inputMin(field)}
          max={inputMax(field)}
          step={field.step ?? 'any'}
          placeholder={placeholder}
          value={text}
          onChange={(e) => change(e.target.value)}
        />
      );
    default:
      return (
        <input
          {...common}
          className="input"
          type={field.kind === 'date' ? 'date' : 'text'}
          placeholder={field.kind === 'list' ? 'comma separated' : placeholder}
          spellCheck={false}
          value={text}
          onChange={(e) => change(e.target.value)}
        />
      );
  }
}
