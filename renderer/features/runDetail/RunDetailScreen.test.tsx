// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunDetail } from '../../../core/ipc/contract/backtests';
import { createFakeEngine, type FakeEngine } from '../../testing/fakeEngine';
import { renderWithApi } from '../../testing/renderWithApi';
import { RunDetailScreen } from './RunDetailScreen';

const RUN: RunDetail = {
  id: '00000000-0000-4000-8000-000000000009',
  name: 'stopped at once',
  strategy: 'sma-cross',
  status: 'cancelled',
  error: null,
  createdAt: 0,
  finishedAt: 1,
  periodStart: Date.UTC(2000, 0, 3),
  periodEnd: Date.UTC(2009, 11, 31),
  sessionsTotal: 2520,
  sessionsDone: 0,
  initialCash: 10_000,
  metrics: null,
  seed: 42,
  dataFingerprint: 'sha256:x',
  appVersion: '0.1.0',
  symbols: ['SYN000', 'SYN001'],
  config: { strategy: { name: 'sma-cross', params: {} } },
};

describe('RunDetailScreen', () => {
  let engine: FakeEngine;
  afterEach(() => {
    cleanup();
    expect(engine.contractErrors).toEqual([]);
  });

  it('shows a run cancelled before its first session as an empty state, asking nothing it cannot have', async () => {
    engine = createFakeEngine({ 'backtests.get': () => RUN });
    renderWithApi(<RunDetailScreen runId={RUN.id} />, engine.client);
    expect((await screen.findByTestId('run-empty')).textContent).toContain('cancelled before its first session');
    // No chart, table or headline asks the engine for records the run does not have.
    expect(engine.unserved).toEqual([]);
    expect(screen.queryByTestId('headline-metrics')).toBeNull();
    expect(screen.queryByTestId('price-chart')).toBeNull();
    // What it would have run on is still there, symbols named.
    expect(screen.getByTestId('assumption-symbols').textContent).toContain('SYN000, SYN001');
  });
});
