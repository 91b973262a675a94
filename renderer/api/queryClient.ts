import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../../core/ipc/errors';

/**
 * Queries wait while the engine is unreachable (react-query's online state follows the connection,
 * see engineSync) and all refetch when it comes back. Mutations never wait: a launch or cancel made
 * while disconnected fails at once instead of being sent late.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        networkMode: 'online',
        refetchOnReconnect: 'always',
        refetchOnWindowFocus: false,
        retry: (failures, err) => failures < 2 && err instanceof ApiError && err.code === 'UNAVAILABLE',
      },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}
