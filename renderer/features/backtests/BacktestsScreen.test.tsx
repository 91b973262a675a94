// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../core/ipc/contract/backtests';
import { fmtSignedPct } from '../../components/common/format';
import { useCompareStore } from '../../stores/compareStore';
import { useListPrefs } from '../../stores/listPrefsStore';
import { createFakeEngine, type FakeEngine } from '../../testing/fakeEngine';
import { renderWithApi } from '../../testing/renderWithApi';
import { BacktestsScreen } from './BacktestsScreen';

const DAY = 86_400_000;
const START = Date.UTC(2020, 0, 1);

function run(n: number, name: string, strategy: string, totalReturnPct: number): RunSummary {
  return {
    id: `00000000-0000-4000-8000-00000000000${n}`,
    name,
    strategy,
    status: 'completed',
    error: null,
    createdAt: START + n * DAY,
    finishedAt: START + n * DAY + 1000,
    periodStart: Date.UTC(2010, 0, 4),
    periodEnd: Date.UTC(2012, 11, 31),
    sessionsTotal: 756,
    sessionsDone: 756,
    initialCash: 100_000,
    metrics: { totalReturnPct, sharpe: totalReturnPct / 20, maxDrawdownPct: 10, closedTrades: n },
  };
}

const RUNS = [run(1, 'alpha fast', 'sma-cross', 12.5), run(2, 'beta slow', 'sma-cross', -3.25), run(3, 'gamma hold', 'buy-and-hold', 40)];

// The list against the engine's contract: `backtests.list` filters by name or strategy as the store does.
describe('BacktestsScreen', () => {
  let engine: FakeEngine;
  beforeEach(() => {
    localStorage.clear();
    useListPrefs.setState({ sortKey: 'createdAt', sortDir: 'desc', search: '', status: '' });
    useCompareStore.setState({ selected: [] });
    engine = createFakeEngine({
      'backtests.list': ({ search }) => {
        const q = (search ?? '').toLowerCase();
        return RUNS.filter((r) => r.name.toLowerCase().includes(q) || r.strategy.toLowerCase().includes(q));
      },
      'backtests.jobs': () => [],
    });
    renderWithApi(<BacktestsScreen />, engine.client);
  });
  afterEach(() => {
    cleanup();
    expect(engine.contractErrors).toEqual([]);
    expect(engine.unserved).toEqual([]);
  });

  const names = (): string[] => screen.queryAllByTestId('run-row').map((r) => r.querySelector('.cell-name')?.textContent ?? '');
  const header = (key: string): HTMLElement => {
    const th = screen.getByTestId(`sort-${key}`).closest('th');
    if (!th) throw new Error(`no header for ${key}`);
    return th;
  };

  it('lists the newest run first, then sorts by a column and flips on a second click', async () => {
    await waitFor(() => expect(names()).toEqual(['gamma hold', 'beta slow', 'alpha fast']));
    expect(header('createdAt').getAttribute('aria-sort')).toBe('descending');
    const user = userEvent.setup();

    await user.click(screen.getByTestId('sort-totalReturn'));
    expect(names()).toEqual(['gamma hold', 'alpha fast', 'beta slow']);
    expect(header('totalReturn').getAttribute('aria-sort')).toBe('descending');
    expect(header('createdAt').getAttribute('aria-sort')).toBe('none');

    await user.click(screen.getByTestId('sort-totalReturn'));
    expect(names()).toEqual(['beta slow', 'alpha fast', 'gamma hold']);
    expect(header('totalReturn').getAttribute('aria-sort')).toBe('ascending');
    // The sort is kept for the next visit.
    expect(JSON.parse(localStorage.getItem('tradedesk.backtests.list') ?? '{}').state).toMatchObject({ sortKey: 'totalReturn', sortDir: 'asc' });
  });

  it("shows each run's return as the engine computed it", async () => {
    await waitFor(() => expect(names()).toHaveLength(3));
    const row = screen.getAllByTestId('run-row').find((r) => r.textContent?.includes('beta slow'));
    if (!row) throw new Error('no row for beta slow');
    const shown = within(row).getByTestId('run-return');
    expect(shown.textContent).toBe(fmtSignedPct(-3.25));
    expect(shown.textContent).toContain('3.25');
    expect(shown.className).toContain('neg');
  });

  it('asks the engine for the runs matching the search once typing pauses', async () => {
    await waitFor(() => expect(names()).toHaveLength(3));
    const user = userEvent.setup();
    await user.type(screen.getByTestId('runs-search'), 'buy-and');
    await waitFor(() => expect(names()).toEqual(['gamma hold']));
    // A query for the settled text, not one per key typed.
    const searches = engine.inputsOf('backtests.list').map((i) => i?.search);
    expect(searches[0]).toBeUndefined();
    expect(searches.at(-1)).toBe('buy-and');
    expect(searches.length).toBeLessThan(1 + 'buy-and'.length);

    await user.clear(screen.getByTestId('runs-search'));
    await user.type(screen.getByTestId('runs-search'), 'nothing like it');
    expect((await screen.findByTestId('runs-empty')).textContent).toContain('No backtest matches');
  });
});
