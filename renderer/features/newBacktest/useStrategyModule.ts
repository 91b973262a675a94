import { useMemo } from 'react';
import type { SpecIssue, StrategyModuleInfo } from '../../../core/ipc/contract/backtests';
import { useEngineQuery } from '../../api/useEngineQuery';
import { queryKeys } from '../../api/queryKeys';
import { useDebounced } from '../../components/common/useDebounced';
import { getAt, type Spec } from './specPath';

const DESCRIBE_DEBOUNCE_MS = 300;

export interface StrategyModule {
  /** The module the path names, as the engine read it; null with no path, before the answer, or when it cannot be read. */
  info: StrategyModuleInfo | null;
  /** Why the module cannot be used (not found, does not load, exports no strategy), at strategy.module. */
  issues: SpecIssue[];
  /** True until the engine has read the path as it is now. */
  checking: boolean;
}

/**
 * The spec's strategy module as the engine reads it, asked once typing the path pauses. Not kept
 * fresh for long: the trader may be editing the module, and reading it again is cheap.
 */
export function useStrategyModule(spec: Spec | null): StrategyModule {
  const raw = getAt(spec, 'strategy.module');
  const typed = typeof raw === 'string' ? raw.trim() : '';
  const settled = useDebounced(typed, DESCRIBE_DEBOUNCE_MS);
  const q = useEngineQuery(queryKeys.strategyModule(settled), 'strategies.describeModule', { path: settled }, { enabled: settled !== '' });
  const message = settled === '' ? undefined : q.error?.message;
  const issues = useMemo(() => (message === undefined ? [] : [{ path: 'strategy.module', message }]), [message]);
  return {
    info: settled === '' ? null : (q.data ?? null),
    issues,
    checking: typed !== settled || (settled !== '' && q.isFetching),
  };
}
