import type { FieldModel } from './fieldModel';

/** The text an input shows for a spec value. */
export function inputText(field: FieldModel, value: unknown): string {
  if (value === undefined || value === null) return '';
  switch (field.kind) {
    case 'list':
      return Array.isArray(value) ? value.join(', ') : String(value);
    case 'json':
      return JSON.stringify(value);
    default:
      return String(value);
  }
}

/**
 * The spec value for what the user typed. Empty means "not set" (undefined: the engine applies the
 * default or reports the field as required). Text that is not a valid value is passed on as typed,
 * so the engine's validation names the problem next to the field.
 */
export function parseInput(field: FieldModel, text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  switch (field.kind) {
    case 'number': {
      const n = Number(t);
      return Number.isFinite(n) ? n : text;
    }
    case 'list':
      return t
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    case 'json':
      try {
        return JSON.parse(t) as unknown;
      } catch {
        return text;
      }
    case 'select':
      return field.options.find((o) => String(o.value) === t)?.value ?? t;
    case 'boolean':
      return t === 'true';
    default:
      return text;
  }
}

/** The lowest value a number input offers (an exclusive integer bound moves up by one). */
export function inputMin(field: FieldModel): number | undefined {
  if (field.kind !== 'number' || field.min === undefined) return undefined;
  return field.minExclusive && field.integer ? field.min + 1 : field.min;
}

export function inputMax(field: FieldModel): number | undefined {
  if (field.kind !== 'number' || field.max === undefined) return undefined;
  return field.maxExclusive && field.integer ? field.max - 1 : field.max;
}
