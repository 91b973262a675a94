import path from 'node:path';
import type { z } from 'zod';
import type { StrategySource } from '../config/loadSpec';
import { ConfigError } from '../config/ConfigError';
import { validate } from '../config/validate';
import { guardStrategy } from '../strategy/guardStrategy';
import type { ObjectStrategy, Strategy } from '../strategy/api';
import { BUILTIN_STRATEGIES, loadUserStrategy } from '../strategy/registry';
import type { StrategyContext, StrategyFn } from '../strategy/types';

/**
 * Builds the spec's strategy: a built-in with validated params, or a user module whose return values
 * are checked every session. Problems with the spec itself are ConfigErrors naming `file` and the key path.
 */
export async function resolveStrategy(
  source: StrategySource,
  ctx: StrategyContext,
  file: string,
): Promise<{ strategy: StrategyFn | ObjectStrategy; label: string }> {
  if (source.kind === 'module') {
    let loaded: StrategyFn | Strategy<unknown>;
    try {
      loaded = await loadUserStrategy(source.module, source.params, ctx);
    } catch (err) {
      // A module that does not load or exports no strategy is a problem with what the spec points at.
      throw new ConfigError(file, [{ path: 'strategy.module', message: err instanceof Error ? err.message : String(err) }]);
    }
    const label = moduleLabel(source.module, ctx.baseDir);
    if (typeof loaded === 'function') return { strategy: guardStrategy(loaded, label, ctx.symbols), label: source.module };
    const params = loaded.params === undefined ? source.params : validParams(loaded.params, source.params, file);
    return { strategy: { kind: 'object', strategy: loaded, params, label }, label: source.module };
  }
  const def = BUILTIN_STRATEGIES.find((s) => s.name === source.name);
  if (def === undefined) {
    const known = BUILTIN_STRATEGIES.map((s) => s.name).join(', ');
    throw new ConfigError(file, [{ path: 'strategy.name', message: `unknown strategy "${source.name}"; known: ${known}` }]);
  }
  return { strategy: def.create(validParams(def.params, source.params, file), ctx), label: def.name };
}

/** Params checked against the strategy's schema, defaults filled in; every issue named under strategy.params. */
function validParams<P>(schema: z.ZodType<P>, params: unknown, file: string): P {
  try {
    return validate(schema, params, file);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const prefixed = err.issues.map((i) => ({ path: ['strategy.params', i.path].filter(Boolean).join('.'), message: i.message }));
    throw new ConfigError(file, prefixed);
  }
}

/** The module as a user wrote it in the spec: relative to the spec's folder when it lies inside it. */
function moduleLabel(module: string, baseDir: string): string {
  const rel = path.relative(baseDir, module);
  return rel.startsWith('..') || path.isAbsolute(rel) ? module : `./${rel.split(path.sep).join('/')}`;
}
