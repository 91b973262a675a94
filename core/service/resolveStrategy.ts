import type { StrategySource } from '../config/loadSpec';
import { ConfigError } from '../config/ConfigError';
import { validate } from '../config/validate';
import { getStrategy, loadUserStrategy } from '../strategy/registry';
import type { StrategyContext, StrategyFn } from '../strategy/types';

/** Builds the spec's strategy: a built-in with validated params, or a user module. */
export async function resolveStrategy(
  source: StrategySource,
  ctx: StrategyContext,
  file: string,
): Promise<{ fn: StrategyFn; label: string }> {
  if (source.kind === 'module') {
    return { fn: await loadUserStrategy(source.module, source.params, ctx), label: source.module };
  }
  const def = getStrategy(source.name);
  let params: unknown;
  try {
    params = validate(def.params, source.params, file);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const prefixed = err.issues.map((i) => ({ path: ['strategy.params', i.path].filter(Boolean).join('.'), message: i.message }));
    throw new ConfigError(file, prefixed);
  }
  return { fn: def.create(params, ctx), label: def.name };
}
