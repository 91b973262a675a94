/** What the form needs to draw and read one input; built from a JSON Schema or written by hand. */
interface FieldBase {
  /** Dotted path in the spec, e.g. `simulator.slippage_bps`, `strategy.params.fast`. */
  path: string;
  label: string;
  hint?: string;
  required: boolean;
  /** Shown as the placeholder when the field is left empty (the engine then applies it). */
  defaultValue?: unknown;
  /** Takes a whole row of the grid (a long hint reads on one line). */
  wide?: boolean;
}

export interface NumberField extends FieldBase {
  kind: 'number';
  integer: boolean;
  min?: number;
  minExclusive?: boolean;
  max?: number;
  maxExclusive?: boolean;
  step?: number;
  /** Shown after the input, e.g. "bps". */
  unit?: string;
}

export interface SelectField extends FieldBase {
  kind: 'select';
  options: { value: string | number; label: string }[];
}

/** kind: text, a boolean checkbox, a date (YYYY-MM-DD), a comma list of strings, or raw JSON for shapes the form cannot draw. */
export interface SimpleField extends FieldBase {
  kind: 'text' | 'boolean' | 'date' | 'list' | 'json';
}

export type FieldModel = NumberField | SelectField | SimpleField;

/** 'max_participation_rate' → 'Max participation rate'; 'minOrderValue' → 'Min order value'. */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[_\s-]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
