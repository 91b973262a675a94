import { z } from 'zod';
import { ConfigError, type ConfigIssue } from '../../config/ConfigError';
import { parseSpec, type ResolvedSpec } from '../../config/loadSpec';
import { specFileIssues } from '../../config/specFiles';
import { specSchema } from '../../config/specSchema';
import type { SpecIssue, StrategyInfo } from '../../ipc/contract/backtests';
import { syntheticPlan } from '../../data/synthetic';
import { BUILTIN_STRATEGIES } from '../../strategy/registry';

const FORM = 'backtest form';

/** A params schema as the generated form reads it: JSON Schema, and the values it gives when none are set. */
export function paramsForm(schema: z.ZodType): Pick<StrategyInfo, 'paramsSchema' | 'defaults'> {
  const parsed = schema.safeParse({});
  return {
    paramsSchema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
    defaults: parsed.success && typeof parsed.data === 'object' && parsed.data !== null ? (parsed.data as Record<string, unknown>) : {},
  };
}

/** Built-in strategies with their params as JSON Schema, for the generated form. */
export function strategyInfos(): StrategyInfo[] {
  return BUILTIN_STRATEGIES.map((s) => ({ name: s.name, description: s.description, ...paramsForm(s.params) }));
}

/** A new spec with every default filled in: what the form starts from. */
export function defaultSpec(): Record<string, unknown> {
  const spec = specSchema.parse({ name: 'New backtest', strategy: { name: 'sma-cross' } });
  const start = spec.data.synthetic?.start;
  return {
    ...spec,
    data: spec.data.synthetic ? { synthetic: { ...spec.data.synthetic, start: start === undefined ? undefined : new Date(start).toISOString().slice(0, 10) } } : spec.data,
    strategy: { name: 'sma-cross', params: strategyInfos().find((s) => s.name === 'sma-cross')?.defaults ?? {} },
  };
}

/** What is wrong with a built-in strategy's params, by key path; none for a strategy that is not built in. */
function builtinParamIssues(name: unknown, params: unknown): ConfigIssue[] {
  const def = BUILTIN_STRATEGIES.find((s) => s.name === name);
  const parsed = def?.params.safeParse(params ?? {});
  if (parsed?.success !== false) return [];
  return parsed.error.issues.map((i) => ({ path: ['strategy.params', ...i.path.map(String)].join('.'), message: i.message }));
}

/** Everything wrong with a spec, by key path, all at once (the form shows each next to its field); empty when it can run. */
export function specIssues(spec: Record<string, unknown>, baseDir: string): SpecIssue[] {
  let resolved: ResolvedSpec;
  try {
    resolved = parseSpec(spec, FORM, baseDir);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    // The spec's own checks stopped it; the strategy's params are checked as well, so that fixing one
    // field does not reveal the next issue only then.
    const strategy = spec.strategy !== null && typeof spec.strategy === 'object' ? (spec.strategy as Record<string, unknown>) : {};
    const own = err.issues.some((i) => i.path.startsWith('strategy.params')) ? [] : builtinParamIssues(strategy.name, strategy.params);
    return [...err.issues, ...own];
  }
  const issues: ConfigIssue[] = specFileIssues(resolved, spec);
  if (resolved.strategy.kind === 'builtin') issues.push(...builtinParamIssues(resolved.strategy.name, resolved.strategy.params));
  if (resolved.data.kind === 'synthetic') {
    try {
      syntheticPlan(resolved.data);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      issues.push({ path: 'data.synthetic', message: err.message.replace(/^generateSyntheticMarket: /, '') });
    }
  }
  return issues;
}

/** Throws a BAD_INPUT-mapped ConfigError listing every issue, or returns the spec's name. */
export function assertRunnable(spec: Record<string, unknown>, baseDir: string): string {
  const issues = specIssues(spec, baseDir);
  if (issues.length > 0) throw new ConfigError(FORM, issues);
  return typeof spec.name === 'string' ? spec.name : 'backtest';
}
