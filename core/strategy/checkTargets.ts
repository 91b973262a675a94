import type { Targets } from './types';

/** How many known symbols an "unknown symbol" message lists before saying how many more there are. */
const LISTED_SYMBOLS = 10;

/**
 * Checks what a strategy returned against the Targets contract and the run's universe, so a mistake in
 * a user's module is reported as such, not as a TypeError deep in the planner. Returns the targets
 * (or null); throws an Error saying what was expected and what came back.
 */
export function checkTargets(value: unknown, symbols: ReadonlySet<string>): Targets | null {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`expected {kind, values} or null (null keeps the portfolio), got ${describe(value)}`);
  }
  const { kind, values } = value as { kind?: unknown; values?: unknown };
  if (kind !== 'weight' && kind !== 'quantity') {
    throw new Error(`kind must be "weight" or "quantity", got ${describe(kind)}`);
  }
  if (!(values instanceof Map)) {
    throw new Error(`values must be a Map of symbol to number (new Map([["SYM", 0.5]])), got ${describe(values)}`);
  }
  for (const [symbol, target] of values as Map<unknown, unknown>) {
    if (typeof symbol !== 'string') throw new Error(`values must be a Map of symbol to number, got key ${describe(symbol)}`);
    if (!symbols.has(symbol)) throw new Error(`unknown symbol ${JSON.stringify(symbol)}; known: ${known(symbols)}`);
    if (typeof target !== 'number' || !Number.isFinite(target)) {
      throw new Error(`the ${kind} for ${symbol} must be a finite number, got ${describe(target)}`);
    }
  }
  return value as Targets;
}

function known(symbols: ReadonlySet<string>): string {
  const list = [...symbols];
  const shown = list.slice(0, LISTED_SYMBOLS).join(', ');
  return list.length > LISTED_SYMBOLS ? `${shown} and ${list.length - LISTED_SYMBOLS} more` : shown;
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Map) return 'a Map';
  if (typeof value === 'object') return 'a plain object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'function') return 'a function';
  return `${typeof value} ${String(value)}`;
}
