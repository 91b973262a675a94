import path from 'node:path';
import { dataFileProblem } from '../../data/csv/dataFile';
import type { StrategyModuleInfo } from '../../ipc/contract/backtests';
import { ApiError } from '../../ipc/errors';
import { importStrategyModule, strategyExportOf, type StrategyExport } from '../../strategy/registry';
import { paramsForm } from './specForm';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * The strategy a module exports, loaded as a run loads it (core/strategy/registry's loadUserStrategy) but with
 * nothing of it called: a create(params, ctx) module is not created. Throws an Error naming the file and the
 * problem in the words a run would use: the module does not load, or exports no strategy.
 */
export async function strategyModuleExport(file: string): Promise<StrategyExport> {
  let mod: Record<string, unknown>;
  try {
    mod = await importStrategyModule(file);
  } catch (err) {
    throw new Error(`strategy module ${file} could not be loaded: ${messageOf(err)}`, { cause: err });
  }
  return strategyExportOf(mod, file);
}

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
  let found: StrategyExport;
  try {
    found = await strategyModuleExport(file);
  } catch (err) {
    throw new ApiError('BAD_INPUT', messageOf(err));
  }
  if (found.kind !== 'object') return { file, kind: 'function', paramsSchema: null, defaults: {} };
  const params = found.strategy.params;
  if (params === undefined) return { file, kind: 'object', paramsSchema: null, defaults: {} };
  try {
    return { file, kind: 'object', ...paramsForm(params) };
  } catch (err) {
    // A schema of another zod than the app's (the module imported its own) has no JSON Schema here.
    throw new ApiError('BAD_INPUT', `strategy module ${file}: ${found.key}.params cannot be read as a form: ${messageOf(err)}`);
  }
}
