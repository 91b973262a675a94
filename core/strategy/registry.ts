import { statSync } from 'node:fs';
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

/** What a strategy module exports, read in the order loadUserStrategy uses it. */
export type StrategyExport =
  | { kind: 'create'; create: UserCreate }
  | { kind: 'function'; fn: StrategyFn }
  | { kind: 'object'; strategy: Strategy<unknown>; key: 'default' | 'strategy' };

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

/**
 * The strategy a loaded module exports: create(params, ctx), else a function or a strategy object
 * as `default` or `strategy`. Throws naming the file and what is wrong.
 */
export function strategyExportOf(mod: Record<string, unknown>, file: string): StrategyExport {
  if (typeof mod.create === 'function') return { kind: 'create', create: mod.create as UserCreate };
  for (const key of ['default', 'strategy'] as const) {
    const value = mod[key];
    if (typeof value === 'function') return { kind: 'function', fn: value as StrategyFn };
    if (isStrategyObject(value, `strategy module ${file}: ${key}`)) return { kind: 'object', strategy: value, key };
  }
  throw new Error(
    `strategy module ${file} exports no strategy: a strategy object (with onBar, onStart, ...) or a strategy function as "default" or "strategy", or create(params, ctx)`,
  );
}

/** Loaded modules by file, with the modification time they were loaded at: a sweep loads its module once, an edit reloads it. */
const loaded = new Map<string, { mtimeMs: number; mod: Record<string, unknown> }>();

/**
 * A module by path, through tsx's loader (the built app has no other for TypeScript; it takes
 * JavaScript too). A TypeScript file in a folder that is no ES module project comes back as
 * CommonJS, its exports one level down: they are read from there.
 */
export async function importStrategyModule(file: string): Promise<Record<string, unknown>> {
  const mtimeMs = statSync(file).mtimeMs;
  const known = loaded.get(file);
  if (known !== undefined && known.mtimeMs === mtimeMs) return known.mod;
  const { tsImport } = await import('tsx/esm/api');
  const ns = (await tsImport(pathToFileURL(file).href, import.meta.url)) as Record<string, unknown>;
  const inner = ns.default;
  const mod = typeof inner === 'object' && inner !== null && (inner as { __esModule?: unknown }).__esModule === true ? (inner as Record<string, unknown>) : ns;
  loaded.set(file, { mtimeMs, mod });
  return mod;
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
    mod = await importStrategyModule(file);
  } catch (err) {
    throw new Error(`strategy module ${file} could not be loaded: ${(err as Error).message}`, { cause: err });
  }
  const found = strategyExportOf(mod, file);
  if (found.kind === 'function') return found.fn;
  if (found.kind === 'object') return found.strategy;
  const fn = found.create(params, ctx);
  if (typeof fn !== 'function') throw new Error(`strategy module ${file}: create(params, ctx) returned ${typeof fn}, expected a function`);
  return fn as StrategyFn;
}
