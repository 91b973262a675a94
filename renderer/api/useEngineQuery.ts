import { keepPreviousData, useQuery, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../core/ipc/contract';
import type { ApiError } from '../../core/ipc/errors';
import { useApi } from './ApiProvider';

export interface EngineQueryOptions {
  enabled?: boolean;
  /** Keep showing the previous answer while a new key loads (filters, paging). */
  keepPrevious?: boolean;
  staleTime?: number;
}

/** One engine method as a react-query query: typed by the contract, keyed by the caller. */
export function useEngineQuery<M extends MethodName>(
  key: QueryKey,
  method: M,
  input: MethodInput<M>,
  opts: EngineQueryOptions = {},
): UseQueryResult<MethodOutput<M>, ApiError> {
  const api = useApi();
  return useQuery<MethodOutput<M>, ApiError>({
    queryKey: key,
    queryFn: () => api.call(method, input),
    enabled: opts.enabled,
    staleTime: opts.staleTime,
    placeholderData: opts.keepPrevious ? keepPreviousData : undefined,
  });
}
