import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { dataFileProblem } from '../../data/csv/dataFile';
import type { StrategyModuleInfo } from '../../ipc/contract/backtests';
import { ApiError } from '../../ipc/errors';
import { paramsForm } from './specForm';

const HOOKS = ['onStart', 'onBar', 'onOrder', 'onFill', 'onEnd'] as const;

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * What the form needs to draw a strategy module's params. The path resolves as a launched spec's
 * module does (against `baseDir`), and the module's exports are read in the order
 * core/strategy/registry's loadUserStrategy reads them, but nothing of the strategy is called: a
 * create(params, ctx) module is not created. Every failure is a BAD_INPUT naming the file and the problem.
 */
export async function describeStrategyModule(modulePath: string, baseDir: string): Promise<StrategyModuleInfo> {
  const file = path.resolve(baseDir, modulePath);
  // The same check and words as the spec validation's, so the form shows one message, not two.
  const problem = dataFileProblem(file);
  if (problem !== null) throw new ApiError('BAD_INPUT', problem);
  let mod: Record<string, unknown>;
  try {
    // tsx loads TypeScript and JavaScript alike and afresh on each call, so an edited module is read anew.
    const { tsImport } = await import('tsx/esm/api');
    mod = (await tsImport(pathToFileURL(file).href, import.meta.url)) as Record<string, unknown>;
  } catch (err) {
    throw new ApiError('BAD_INPUT', `strategy module ${file} could not be loaded: ${messageOf(err)}`);
  }
  const none = { file, kind: 'function', paramsSchema: null, defaults: {} } as const;
  if (typeof mod.create === 'function') return none;
  for (const key of ['default', 'strategy'] as const) {
    const value = mod[key];
    if (typeof value === 'function') return none;
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !HOOKS.some((h) => h in value)) continue;
    const hooks = value as Record<string, unknown>;
    const notFunction = HOOKS.find((h) => h in hooks && typeof hooks[h] !== 'function');
    if (notFunction !== undefined) throw new ApiError('BAD_INPUT', `strategy module ${file}: ${key}.${notFunction} must be a function`);
    const params = hooks.params;
    if (params === undefined) return { ...none, kind: 'object' };
    if (typeof params !== 'object' || params === null || typeof (params as { safeParse?: unknown }).safeParse !== 'function') {
      throw new ApiError('BAD_INPUT', `strategy module ${file}: ${key}.params must be a zod schema (import { z } from 'tradedesk/strategy')`);
    }
    try {
      return { file, kind: 'object', ...paramsForm(params as z.ZodType) };
    } catch (err) {
      // A schema of another zod than the app's (the module imported its own) has no JSON Schema here.
      throw new ApiError('BAD_INPUT', `strategy module ${file}: ${key}.params cannot be read as a form: ${messageOf(err)}`);
    }
  }
  throw new ApiError(
    'BAD_INPUT',
    `strategy module ${file} exports no strategy: a strategy object (with onBar, onStart, ...) or a strategy function as "default" or "strategy", or create(params, ctx)`,
  );
}
