// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunDetail } from '../../../core/ipc/contract/backtests';
import { useCompareStore } from '../../stores/compareStore';
import { createFakeEngine, type FakeEngine } from '../../testing/fakeEngine';
import { renderWithApi } from '../../testing/renderWithApi';
import { CompareScreen } from './CompareScreen';

const ID = (n: number): string => `00000000-0000-4000-8000-00000000000${n}`;

function run(n: number, patch: Partial<RunDetail> = {}): RunDetail {
  return {
    id: ID(n),
    name: `run ${n}`,
    strategy: 'sma-cross',
    status: 'completed',
    error: null,
    createdAt: 0,
    finishedAt: 1,
    periodStart: Date.UTC(2010, 0, 4),
    periodEnd: Date.UTC(2010, 0, 6),
    sessionsTotal: 3,
    sessionsDone: 3,
    initialCash: 100_000,
    metrics: { totalReturnPct: n * 10, commissions: n * 5, finalEquity: 100_000 + n * 10_000 },
    seed: 1,
    dataFingerprint: 'sha256:same',
    appVersion: '0.1.0',
    symbols: ['AAA'],
    config: { strategy: { name: 'sma-cross', params: {} } },
    ...patch,
  };
}

function serve(runs: RunDetail[]): FakeEngine {
  return createFakeEngine({
    'backtests.compare': ({ runIds }) => ({
      runs: runIds.map((id) => runs.find((r) => r.id === id) as RunDetail),
      curves: runIds.map((id) => ({ runId: id, ts: [Date.UTC(2010, 0, 4), Date.UTC(2010, 0, 5)], value: [1, 1.1] })),
    }),
    'backtests.list': () => runs,
  });
}

describe('CompareScreen', () => {
  let engine: FakeEngine;
  afterEach(() => {
    cleanup();
    useCompareStore.setState({ selected: [] });
    expect(engine.contractErrors).toEqual([]);
    expect(engine.unserved).toEqual([]);
  });

  it('warns that runs on different data are not like for like, and shows their assumptions side by side', async () => {
    engine = serve([run(1), run(2, { dataFingerprint: 'sha256:other', symbols: ['BBB', 'CCC'] })]);
    renderWithApi(<CompareScreen ids={[ID(1), ID(2)]} />, engine.client);
    const warning = await screen.findByTestId('compare-warning');
    expect(within(warning).getByTestId('compare-differs-data').textContent).toMatch(/different data/);
    expect(within(warning).getByTestId('compare-differs-symbols').textContent).toMatch(/run 1: 1 symbol; run 2: 2 symbols/);
    expect(within(warning).queryByTestId('compare-differs-period')).toBeNull();

    const lines = within(screen.getByTestId('compare-assumptions')).getAllByTestId('compare-assumption');
    const symbols = lines.find((l) => l.firstElementChild?.textContent === 'Symbols');
    expect(symbols?.getAttribute('data-differs')).toBe('true');
    expect([...(symbols?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual(['Symbols', 'AAA', 'BBB, CCC']);
    const strategy = lines.find((l) => l.firstElementChild?.textContent === 'Strategy');
    expect(strategy?.hasAttribute('data-differs')).toBe(false);
  });

  it('highlights the better return but ranks no cost', async () => {
    engine = serve([run(1), run(2)]);
    renderWithApi(<CompareScreen ids={[ID(1), ID(2)]} />, engine.client);
    const ret = await screen.findByTestId('metric-totalReturnPct');
    expect([...ret.querySelectorAll('td.num')].map((td) => td.hasAttribute('data-best'))).toEqual([false, true]);
    const commissions = screen.getByTestId('metric-commissions');
    expect(commissions.getAttribute('data-better')).toBe('neutral');
    expect(commissions.querySelectorAll('td[data-best]')).toHaveLength(0);
    expect(screen.queryByTestId('compare-warning')).toBeNull();
  });

  it('takes at most four runs: five go back to the pick, the first four ticked', async () => {
    const runs = [1, 2, 3, 4, 5].map((n) => run(n));
    engine = serve(runs);
    renderWithApi(<CompareScreen ids={runs.map((r) => r.id)} />, engine.client);
    expect((await screen.findByTestId('compare-too-many')).textContent).toMatch(/2 to 4 runs; 5 were asked for/);
    expect(engine.inputsOf('backtests.compare')).toEqual([]);
    expect(useCompareStore.getState().selected).toEqual(runs.slice(0, 4).map((r) => r.id));
  });
});
