// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SweepDetail } from '../../../core/ipc/contract/research';
import { strategyInfos } from '../../../core/service/backtests/specForm';
import { backtestJob, researchBasics, resultIndex, RUN_A, RUN_B, sweepDetail, SWEEP_OBJECTIVE } from '../../testing/researchFixtures';
import { createFakeEngine, type FakeEngine } from '../../testing/fakeEngine';
import { renderWithApi } from '../../testing/renderWithApi';
import { RESULT_ROW_HEIGHT } from './SweepResultsTable';
import { SweepScreen } from './SweepScreen';

// happy-dom lays nothing out: the results table's scroll box gets the height a browser would give
// it, so its virtualizer has rows to draw.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('vtable__scroll') ? 20 * RESULT_ROW_HEIGHT : (clientHeight?.get?.call(this) ?? 0);
    },
  });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

describe('SweepScreen', () => {
  let engine: FakeEngine;
  let detail: SweepDetail;
  /** What research.openRun answers, by combination index. */
  let openAnswer: (index: number) => { runId: string | null; job: ReturnType<typeof backtestJob> | null };
  beforeEach(() => {
    location.hash = '#/research/sweeps/sw-1';
    detail = sweepDetail();
    openAnswer = () => ({ runId: RUN_A, job: null });
    engine = createFakeEngine({
      ...researchBasics(),
      'strategies.list': () => strategyInfos(),
      'research.sweep': () => detail,
      'research.openRun': ({ index }) => openAnswer(index),
    });
    renderWithApi(<SweepScreen id="sw-1" />, engine.client);
  });
  afterEach(() => {
    cleanup();
    expect(engine.contractErrors).toEqual([]);
    expect(engine.unserved).toEqual([]);
  });

  const heatmap = (): HTMLElement => screen.getByTestId('sweep-heatmap');
  const cell = (x: string, y: string): HTMLElement => {
    const found = within(heatmap())
      .getAllByTestId('heatmap-cell')
      .find((c) => c.getAttribute('data-x') === x && c.getAttribute('data-y') === y);
    if (!found) throw new Error(`no heatmap cell at ${x}, ${y}`);
    return found;
  };
  const value = (x: string, y: string): string | null => cell(x, y).getAttribute('data-value');

  it('places each objective in its cell over fast × slow, mode held at the best’s, and leaves a missing combination empty', async () => {
    await screen.findByTestId('sweep-heatmap');
    expect(within(heatmap()).getAllByTestId('heatmap-cell')).toHaveLength(6);
    // The best is long_short, so every cell is long_short's objective (long_only's is 0.5 lower).
    expect(value('5', '20')).toBe(String(SWEEP_OBJECTIVE(5, 20, 'long_short')));
    expect(value('5', '30')).toBe('1.3');
    expect(value('10', '30')).toBe('1.8');
    expect(value('15', '30')).toBe('1.3');
    expect(cell('15', '20').getAttribute('data-empty')).toBe('true');
    expect(cell('15', '20').hasAttribute('data-value')).toBe(false);
    expect(cell('10', '30').getAttribute('data-best')).toBe('true');
    expect(cell('5', '30').getAttribute('data-index')).toBe(String(resultIndex(detail, 5, 30, 'long_short')));
    // The legend spans the cells shown.
    expect(screen.getByTestId('heatmap-legend-min').textContent).toBe('1.200');
    expect(screen.getByTestId('heatmap-legend-max').textContent).toBe('1.800');
  });

  it('charts any two parameters, the third held at the best, or the best of the rest when asked', async () => {
    await screen.findByTestId('sweep-heatmap');
    const user = userEvent.setup();
    await user.selectOptions(screen.getByTestId('heatmap-y'), 'mode');
    // fast × mode, slow held at 30.
    expect(within(heatmap()).getAllByTestId('heatmap-cell')).toHaveLength(6);
    expect(value('5', 'long_only')).toBe(String(SWEEP_OBJECTIVE(5, 30, 'long_only')));
    expect(value('15', 'long_short')).toBe(String(SWEEP_OBJECTIVE(15, 30, 'long_short')));

    // Back to fast × slow: with the best of the rest, the cell long_short lacks takes long_only's value.
    await user.selectOptions(screen.getByTestId('heatmap-y'), 'slow');
    expect(cell('15', '20').getAttribute('data-empty')).toBe('true');
    await user.click(screen.getByTestId('slice-bestOf'));
    expect(value('15', '20')).toBe(String(SWEEP_OBJECTIVE(15, 20, 'long_only')));
  });

  it('opens a cell’s recorded run through research.openRun', async () => {
    await screen.findByTestId('sweep-heatmap');
    const user = userEvent.setup();
    await user.click(cell('5', '30'));
    await waitFor(() => expect(location.hash).toBe(`#/runs/${RUN_A}`));
    expect(engine.inputsOf('research.openRun')).toEqual([{ id: 'sw-1', index: resultIndex(detail, 5, 30, 'long_short') }]);
  });

  it('records a run not yet recorded, says so, and opens it once the job names it', async () => {
    await screen.findByTestId('sweep-heatmap');
    const queued = backtestJob({ jobId: 'bt-7' });
    openAnswer = () => ({ runId: null, job: queued });
    const user = userEvent.setup();
    await user.click(cell('10', '20'));
    const notice = await screen.findByTestId('opening-run');
    expect(notice.textContent).toMatch(/Recording run of combination #\d+/);
    expect(cell('10', '20').getAttribute('aria-busy')).toBe('true');
    expect(location.hash).toBe('#/research/sweeps/sw-1');

    engine.bus.emit('backtests.job', { ...queued, state: 'running', runId: RUN_B, total: 100, done: 1 });
    await waitFor(() => expect(location.hash).toBe(`#/runs/${RUN_B}`));
    expect(engine.inputsOf('research.openRun')).toEqual([{ id: 'sw-1', index: resultIndex(detail, 10, 20, 'long_short') }]);
  });

  it('lists every combination best first, the best highlighted, and a row opens its run', async () => {
    const table = await screen.findByTestId('sweep-results');
    const rows = within(table).getAllByTestId('sweep-result-row');
    expect(rows).toHaveLength(detail.results.length);
    expect(rows[0].getAttribute('data-index')).toBe(String(detail.best));
    expect(rows[0].getAttribute('data-best')).toBe('true');
    expect(rows.filter((r) => r.hasAttribute('data-best'))).toHaveLength(1);

    const user = userEvent.setup();
    // Sorting by fast ascending puts fast 5 first.
    await user.click(within(table).getByTestId('sort-p:fast'));
    const first = within(table).getAllByTestId('sweep-result-row')[0];
    expect(first.querySelector('[data-col="p:fast"]')?.textContent).toBe('5');

    await user.click(first);
    await waitFor(() => expect(location.hash).toBe(`#/runs/${RUN_A}`));
    expect(engine.inputsOf('research.openRun')).toEqual([{ id: 'sw-1', index: Number(first.getAttribute('data-index')) }]);
  });

  it('shows the overfitting figures with their readings beside the best combination', async () => {
    const panel = await screen.findByTestId('overfitting');
    expect(within(panel).getByTestId('dsr-value').textContent).toBe('62 %');
    expect(within(panel).getByTestId('dsr-reading').textContent).toMatch(/only 62 % of the time/);
    expect(within(panel).getByTestId('pbo-value').textContent).toBe('31 %');
    expect(within(panel).getByTestId('pbo-reading').textContent).toMatch(/31 % of splits/);
    expect(screen.getByTestId('best-objective').textContent).toBe('1.800');
    expect(screen.getByTestId('best-params').textContent).toMatch(/fast\s*10.*slow\s*30.*mode\s*long_short/);
  });
});

describe('SweepScreen without overfitting figures', () => {
  afterEach(cleanup);

  it('says the deflated Sharpe is unavailable when the engine gives none, and keeps the PBO', async () => {
    const engine = createFakeEngine({
      ...researchBasics(),
      'strategies.list': () => strategyInfos(),
      'research.sweep': () => {
        const d = sweepDetail();
        return { ...d, overfitting: { deflatedSharpe: null, pbo: d.overfitting?.pbo ?? null } };
      },
    });
    renderWithApi(<SweepScreen id="sw-1" />, engine.client);
    expect((await screen.findByTestId('dsr-reading')).textContent).toBe('Not available for this sweep.');
    expect(screen.getByTestId('pbo-value').textContent).toBe('31 %');
  });
});
