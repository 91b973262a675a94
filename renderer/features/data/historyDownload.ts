/** The TWS history download form's rules, apart from its drawing. */

export const MIN_YEARS = 1;
export const MAX_YEARS = 30;

/** A symbol as IB takes it (the engine upper-cases it too): letters, digits, dot, slash, dash and space. */
export function normaliseSymbol(text: string): string | null {
  const s = text.trim().toUpperCase();
  return s !== '' && s.length <= 32 && /^[A-Z0-9. /-]+$/.test(s) ? s : null;
}

/** Whole years within what the engine accepts; null for anything else. */
export function parseYears(text: string): number | null {
  const n = Number(text);
  return Number.isInteger(n) && n >= MIN_YEARS && n <= MAX_YEARS && text.trim() !== '' ? n : null;
}
