import type { StrategyInfo } from '../../../core/ipc/contract/backtests';
import type { SweepRequest, WindowPlan } from '../../../core/ipc/contract/research';
import { getAt } from '../newBacktest/specPath';
import { paramModels } from './paramModels';
import { asRecord, DEFAULT_WINDOWS, paramDrafts, type ParamDraft, type SweepDraft } from './sweepDraft';

/**
 * The form as it was for a sweep or walk-forward the engine ran, so it can be edited and run
 * again: the same base, strategy, fixed values, axes, search, constraint and objective.
 */
export function draftFromRequest(
  request: SweepRequest,
  windows: WindowPlan | null,
  strategies: readonly StrategyInfo[],
  origin: string,
  originLabel: string,
): SweepDraft {
  const strategy = String(getAt(request.spec, 'strategy.name') ?? '');
  const models = paramModels(strategies.find((s) => s.name === strategy));
  const fresh = paramDrafts(models, asRecord(getAt(request.spec, 'strategy.params')));
  const params: Record<string, ParamDraft> = {};
  for (const m of models) {
    const axis = request.axes.find((a) => a.name === m.name);
    const row = fresh[m.name];
    if (!axis) params[m.name] = { ...row, vary: false };
    else if ('values' in axis) params[m.name] = { ...row, vary: true, chosen: axis.values };
    else params[m.name] = { ...row, vary: true, from: String(axis.min), to: String(axis.max), step: axis.step === undefined ? '' : String(axis.step) };
  }
  const search = request.search.kind === 'grid' ? { kind: 'grid' as const, samples: '200', seed: '1' } : { kind: 'random' as const, samples: String(request.search.samples), seed: String(request.search.seed) };
  return {
    origin,
    originLabel,
    base: request.spec,
    name: typeof request.spec.name === 'string' ? request.spec.name : `${strategy} sweep`,
    strategy,
    params,
    search,
    where: request.where,
    objective: request.objective,
    windows: windows
      ? { mode: windows.mode, unit: windows.unit, inSample: String(windows.inSample), outOfSample: String(windows.outOfSample), step: windows.step === undefined ? '' : String(windows.step) }
      : DEFAULT_WINDOWS,
    tab: windows ? 'walkforward' : 'sweep',
  };
}
