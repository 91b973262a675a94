import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buyAndHold } from './builtin/buyAndHold';
import { equalWeight } from './builtin/equalWeight';
import { momentum } from './builtin/momentum';
import { smaCross } from './builtin/smaCross';
import { targets } from './builtin/targets';
import type { Strategy } from './api';
import type { StrategyContext, StrategyDefinition, StrategyFn } from './types';

export const BUILTIN_STRATEGIES: readonly StrategyDefinition[] = [buyAndHold, smaCross, momentum, equalWeight, targets];

export function getStrategy(name: string): StrategyDefinition {
  const found = BUILTIN_STRATEGIES.find((s) => s.name === name);
  if (!found) {
    throw new Error(`unknown strategy "${name}"; known: ${BUILTIN_STRATEGIES.map((s) => s.name).join(', ')}`);
  }
  return found;
}

/** Validates raw params against the built-in's schema (defaults filled in) and creates its StrategyFn. */
export function createBuiltinStrategy(name: string, params: unknown, ctx: StrategyContext): StrategyFn {
  const def = getStrategy(name);
  const parsed = def.params.safeParse(params ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`).join('; ');
    throw new Error(`invalid params for strategy "${name}": ${issues}`);
  }
  return def.create(parsed.data, ctx);
}

type UserCreate = (params: unknown, ctx: StrategyContext) => unknown;

const HOOKS = ['onStart', 'onBar', 'onOrder', 'onFill', 'onEnd'] as const;

/**
 * A strategy object (API v2): its hooks, if any, are functions, and its params a schema. Throws
 * naming what is wrong; returns false for a value that is no strategy object at all.
 */
function isStrategyObject(v: unknown, where: string): v is Strategy<unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  if (!HOOKS.some((h) => h in o)) return false;
  for (const h of HOOKS) if (h in o && typeof o[h] !== 'function') throw new Error(`${where}.${h} must be a function, got ${typeof o[h]}`);
  const params = o.params;
  if (params !== undefined && (typeof params !== 'object' || params === null || typeof (params as { safeParse?: unknown }).safeParse !== 'function'))
    throw new Error(`${where}.params must be a zod schema (import { z } from 'tradedesk/strategy')`);
  return true;
}

/** A module by path: TypeScript through tsx's loader (the built app has no other), JavaScript as it is. */
async function importModule(file: string): Promise<Record<string, unknown>> {
  if (/\.(c|m)?tsx?$/.test(file)) {
    const { tsImport } = await import('tsx/esm/api');
    return (await tsImport(pathToFileURL(file).href, import.meta.url)) as Record<string, unknown>;
  }
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}

/**
 * Loads a user's strategy module (path relative to ctx.baseDir). It may export a strategy object
 * (onStart, onBar, onOrder, onFill, onEnd, params) as `default` or `strategy`, a StrategyFn there,
 * or `create(params, ctx)` returning a StrategyFn. A strategy object's params are validated by the caller.
 */
export async function loadUserStrategy(modulePath: string, params: unknown, ctx: StrategyContext): Promise<StrategyFn | Strategy<unknown>> {
  const file = resolve(ctx.baseDir, modulePath);
  let mod: Record<string, unknown>;
  try {
    mod = await importModule(file);
  } catch (err) {
    throw new Error(`strategy module ${file} could not be loaded: ${(err as Error).message}`, { cause: err });
  }
  if (typeof mod.create === 'function') {
    const fn = (mod.create as UserCreate)(params, ctx);
    if (typeof fn !== 'function') {
      throw new Error(`strategy module ${file}: create(params, ctx) returned ${typeof fn}, expected a function`);
    }
    return fn as StrategyFn;
  }
  for (const key of ['default', 'strategy'] as const) {
    const value = mod[key];
    if (typeof value === 'function') return value as StrategyFn;
    if (isStrategyObject(value, `strategy module ${file}: ${key}`)) return value;
  }
  throw new Error(
    `strategy module ${file} exports no strategy: a strategy object (with onBar, onStart, ...) or a strategy function as "default" or "strategy", or create(params, ctx)`,
  );
}
