// @vitest-environment happy-dom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunDetail } from '../../../core/ipc/contract/backtests';
import { defaultSpec, strategyInfos } from '../../../core/service/backtests/specForm';
import { ApiProvider } from '../../api/ApiProvider';
import { createQueryClient } from '../../api/queryClient';
import { researchBasics } from '../../testing/researchFixtures';
import { createFakeEngine, type FakeEngine } from '../../testing/fakeEngine';
// For its findBy/waitFor timeout (the app's providers are built here, to re-render under them).
import '../../testing/renderWithApi';
import { useResearchDraft } from './researchDraftStore';
import { ResearchScreen } from './ResearchScreen';

const RUN_ID = '00000000-0000-4000-8000-0000000000c3';
const CONFIG = { ...defaultSpec(), name: 'my tuned run', data: { synthetic: { symbols: 3, years: 4, seed: 9 } }, strategy: { name: 'sma-cross', params: { fast: 7, slow: 50, mode: 'long_short', weight: 1 } } };
const RUN: RunDetail = {
  id: RUN_ID,
  name: 'my tuned run',
  strategy: 'sma-cross',
  status: 'completed',
  error: null,
  createdAt: 0,
  finishedAt: 1,
  periodStart: 0,
  periodEnd: 1,
  sessionsTotal: 1,
  sessionsDone: 1,
  initialCash: 10_000,
  metrics: null,
  seed: 42,
  dataFingerprint: 'sha256:x',
  appVersion: '0.1.0',
  symbols: ['SYN000'],
  config: CONFIG,
};

// Sweeping from a recorded run: its data, period, costs and parameter values are the base.
describe('ResearchScreen from a run', () => {
  let engine: FakeEngine;
  beforeEach(() => {
    useResearchDraft.setState({ draft: null });
    location.hash = `#/research?from=${RUN_ID}`;
    engine = createFakeEngine({
      ...researchBasics(),
      'backtests.defaults': () => ({ spec: defaultSpec() }),
      'backtests.get': () => RUN,
      'strategies.list': () => strategyInfos(),
      'backtests.list': () => [RUN],
      'research.plan': (req) => ({ combinations: 1, paramNames: req.axes.map((a) => a.name), issues: [] }),
    });
  });
  afterEach(() => {
    cleanup();
    expect(engine.contractErrors).toEqual([]);
    expect(engine.unserved).toEqual([]);
  });

  it('centres the ranges on the run’s values, plans on its spec, and resets to the defaults on request', async () => {
    const qc = createQueryClient();
    const wrap = (ui: ReactNode) => (
      <ApiProvider api={engine.client}>
        <QueryClientProvider client={qc}>{ui}</QueryClientProvider>
      </ApiProvider>
    );
    const view = render(wrap(<ResearchScreen from={RUN_ID} />));
    await screen.findByTestId('sweep-form');
    expect([(screen.getByTestId('from-fast') as HTMLInputElement).value, (screen.getByTestId('to-fast') as HTMLInputElement).value]).toEqual(['3', '14']);
    expect((screen.getByTestId('fixed-mode') as HTMLSelectElement).value).toBe('long_short');
    expect(screen.getByTestId('base-summary').textContent).toContain('synthetic: 3 symbols × 4 years');
    expect((screen.getByTestId('base-pick') as HTMLSelectElement).value).toBe(RUN_ID);
    await waitFor(() => expect(engine.inputsOf('research.plan').at(-1)?.spec).toMatchObject({ name: 'my tuned run sweep', data: CONFIG.data }));

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    expect(location.hash).toBe('#/research');
    // Until the address drops the run, the run is not loaded over the defaults again.
    await new Promise((r) => setTimeout(r, 50));
    expect(useResearchDraft.getState().draft?.origin).toBe('defaults');
    view.rerender(wrap(<ResearchScreen from={null} />));
    await waitFor(() => expect((screen.getByTestId('from-fast') as HTMLInputElement).value).toBe('5'));
    expect(screen.getByTestId('base-summary').textContent).toContain('synthetic: 20 symbols');
  });
});
