import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buyAndHold } from './builtin/buyAndHold';
import { equalWeight } from './builtin/equalWeight';
import { momentum } from './builtin/momentum';
import { smaCross } from './builtin/smaCross';
import { targets } from './builtin/targets';
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

/**
 * Loads a user's strategy module (path relative to ctx.baseDir). It must export `create(params, ctx)`
 * returning a StrategyFn, or a StrategyFn as `default` or `strategy`. TS modules need a TS-aware loader (tsx, vitest).
 */
export async function loadUserStrategy(modulePath: string, params: unknown, ctx: StrategyContext): Promise<StrategyFn> {
  const file = resolve(ctx.baseDir, modulePath);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
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
    if (typeof mod[key] === 'function') return mod[key] as StrategyFn;
  }
  throw new Error(
    `strategy module ${file} exports neither create(params, ctx) nor a strategy function as "default" or "strategy"`,
  );
}
