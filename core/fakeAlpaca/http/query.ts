import { invalidRequest } from '../wire/apiError';

/** Query-string readers that refuse bad values with Alpaca's 422, naming the parameter. */
export function intParam(q: URLSearchParams, name: string, dflt: number, min: number, max: number): number {
  const raw = q.get(name);
  if (raw === null || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw invalidRequest(`${name}: expected an integer in ${min}..${max}, got "${raw}"`);
  return n;
}

export function numberParam(q: URLSearchParams, name: string): number | null {
  const raw = q.get(name);
  if (raw === null || raw === '') return null;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw invalidRequest(`${name}: expected a positive number, got "${raw}"`);
  return n;
}

export function boolParam(q: URLSearchParams, name: string, dflt: boolean): boolean {
  const raw = q.get(name);
  if (raw === null || raw === '') return dflt;
  if (raw !== 'true' && raw !== 'false') throw invalidRequest(`${name}: expected true or false, got "${raw}"`);
  return raw === 'true';
}

export function enumParam<T extends string>(q: URLSearchParams, name: string, values: readonly T[], dflt: T): T {
  const raw = q.get(name);
  if (raw === null || raw === '') return dflt;
  const v = values.find((x) => x === raw);
  if (v === undefined) throw invalidRequest(`${name}: expected one of ${values.join(', ')}, got "${raw}"`);
  return v;
}

/** RFC 3339 timestamps or YYYY-MM-DD dates (midnight UTC); null when absent. */
export function timeParam(q: URLSearchParams, name: string): number | null {
  const raw = q.get(name);
  if (raw === null || raw === '') return null;
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? Date.parse(`${raw}T00:00:00Z`) : /^\d{4}-\d{2}-\d{2}T/.test(raw) ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(ms)) throw invalidRequest(`${name}: expected an RFC 3339 time or a YYYY-MM-DD date, got "${raw}"`);
  return ms;
}

/** A comma-separated list, upper-cased (symbols); empty when absent. */
export function listParam(q: URLSearchParams, name: string): string[] {
  const raw = q.get(name);
  if (raw === null || raw.trim() === '') return [];
  return raw.split(',').map((s) => s.trim().toUpperCase()).filter((s) => s !== '');
}
