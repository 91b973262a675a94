/**
 * Every react-query key the renderer uses, in one place. Per-run keys all start with
 * ['runs', runId] so one invalidation refreshes everything shown about a run; ['runs'] refreshes
 * the list and every run.
 */
import type { RUN_STATUSES } from '../../core/ipc/contract/backtests';

export type RunStatus = (typeof RUN_STATUSES)[number];

export interface RunListFilter {
  search?: string;
  status?: RunStatus | '';
}

export const queryKeys = {
  runs: ['runs'] as const,
  runLists: ['runs', 'list'] as const,
  runList: (filter: RunListFilter) => ['runs', 'list', { search: filter.search ?? '', status: filter.status ?? '' }] as const,
  run: (runId: string) => ['runs', runId] as const,
  runDetail: (runId: string) => ['runs', runId, 'detail'] as const,
  /** A per-run query with its own parameters (equity, returns, prices, tables, asOf, ...). */
  runPart: (runId: string, part: string, params?: Record<string, unknown>) =>
    ['runs', runId, part, params ?? {}] as const,
  jobs: ['jobs'] as const,
  strategies: ['strategies'] as const,
  /** A strategy module's params form, by the path as typed. */
  strategyModule: (path: string) => ['strategyModule', path] as const,
  specDefaults: ['specDefaults'] as const,
  system: ['system'] as const,
  /** Independent of the order the runs were picked in. */
  compare: (runIds: readonly string[]) => ['compare', [...runIds].sort()] as const,
  validate: (spec: unknown) => ['validate', spec] as const,
  /** The bar store: ['data'] refreshes the series list and every chart after an import or delete. */
  data: ['data'] as const,
  dataSeries: ['data', 'series'] as const,
  dataBars: (params: Record<string, unknown>) => ['data', 'bars', params] as const,
  /**
   * Research: sweeps and walk-forwards. A job event refreshes its list and its one detail; the
   * objectives and plans never go stale by events, so they sit beside, not under, those keys.
   */
  researchObjectives: ['research', 'objectives'] as const,
  researchPlan: (request: unknown) => ['research', 'plan', request] as const,
  researchJobs: ['research', 'jobs'] as const,
  sweepList: ['research', 'sweepList'] as const,
  sweep: (id: string) => ['research', 'sweep', id] as const,
  walkForwardList: ['research', 'walkForwardList'] as const,
  walkForward: (id: string) => ['research', 'walkForward', id] as const,
  /**
   * Strategy sessions (forward testing): ['sessions'] refreshes the list, the overview and every
   * detail; a `sessions.changed` event updates the list in place and refreshes that one session.
   */
  sessions: ['sessions'] as const,
  sessionList: ['sessions', 'list'] as const,
  session: (id: string) => ['sessions', 'detail', id] as const,
};
