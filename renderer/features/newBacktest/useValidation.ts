import type { SpecIssue } from '../../../core/ipc/contract/backtests';
import type { ApiError } from '../../../core/ipc/errors';
import { queryKeys } from '../../api/queryKeys';
import { useEngineQuery } from '../../api/useEngineQuery';
import { useDebounced } from '../../components/common/useDebounced';
import type { Spec } from './specPath';

export const VALIDATE_DEBOUNCE_MS = 300;

export interface Validation {
  issues: SpecIssue[];
  /** True until the engine has checked the spec as it is now. */
  checking: boolean;
  error: ApiError | null;
}

/** The engine's verdict on the spec, asked once typing pauses. */
export function useValidation(spec: Spec | null): Validation {
  const settled = useDebounced(spec, VALIDATE_DEBOUNCE_MS);
  const q = useEngineQuery(queryKeys.validate(settled), 'backtests.validate', { spec: settled ?? {} }, { enabled: settled !== null, keepPrevious: true, staleTime: Infinity });
  return {
    issues: q.data?.issues ?? [],
    checking: spec === null || settled !== spec || q.isFetching || q.isPlaceholderData,
    error: q.error,
  };
}
