import { QueryClientProvider } from '@tanstack/react-query';
import { configure, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { ApiClient } from '../../core/ipc/client';
import { ApiProvider } from '../api/ApiProvider';
import { createQueryClient } from '../api/queryClient';

// Screens wait for the engine's debounced answers (250-300 ms) on a machine other jobs share:
// findBy/waitFor get 5 s instead of 1 s before they fail.
configure({ asyncUtilTimeout: 5000 });

/** Renders a screen or component as the app does: the one ApiClient and the app's query client. */
export function renderWithApi(ui: ReactElement, api: ApiClient): RenderResult {
  return render(
    <ApiProvider api={api}>
      <QueryClientProvider client={createQueryClient()}>{ui}</QueryClientProvider>
    </ApiProvider>,
  );
}
