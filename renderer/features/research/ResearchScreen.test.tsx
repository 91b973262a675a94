// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../core/ipc/contract';
import { defaultSpec, strategyInfos } from '../../../core/service/backtests/specForm';
import { researchBasics, researchJob } from '../../testing/researchFixtures';
import { createFakeEngine, type FakeEngine } from '../../testing/fakeEngine';
import { renderWithApi } from '../../testing/renderWithApi';
import { useResearchDraft } from './researchDraftStore';
import { ResearchScreen } from './ResearchScreen';

type PlanInput = MethodInput<'research.plan'>;

/** The fake engine's count: the product of each axis's values, or an issue for an unknown name in `where`. */
function plan(input: PlanInput) {
  const sizes = input.axes.map((a) => ('values' in a ? a.values.length : Math.floor((a.max - a.min) / (a.step ?? 1)) + 1));
  const unknown = /bogus/.test(input.where ?? '');
  return { combinations: sizes.reduce((p, n) => p * n, 1), paramNames: input.axes.map((a) => a.name), issues: unknown ? ['where: unknown name bogus'] : [] };
}

// The form against the engine's own defaults and strategy schemas (what the host answers with), and a
// fake planner, behind the real router: every request it sends is checked against the contract.
describe('ResearchScreen form', () => {
  let engine: FakeEngine;
  beforeEach(() => {
    useResearchDraft.setState({ draft: null });
    location.hash = '#/research';
    engine = createFakeEngine({
      ...researchBasics(),
      'backtests.defaults': () => ({ spec: defaultSpec() }),
      'strategies.list': () => strategyInfos(),
      'backtests.list': () => [],
      'research.plan': plan,
      'research.sweepStart': (req) => researchJob({ id: 'sw-9', name: String(req.spec.name) }),
      'research.walkForwardStart': (req) => researchJob({ id: 'wf-9', kind: 'walkforward', name: String(req.spec.name) }),
    });
    renderWithApi(<ResearchScreen from={null} />, engine.client);
  });
  afterEach(() => {
    cleanup();
    expect(engine.contractErrors).toEqual([]);
    expect(engine.unserved).toEqual([]);
  });

  const row = (name: string): HTMLElement => screen.getByRole('group', { name: `Parameter ${name}` });
  const input = (testId: string): HTMLInputElement => screen.getByTestId(testId) as HTMLInputElement;
  const lastPlan = (): PlanInput | undefined => engine.inputsOf('research.plan').at(-1);
  const counted = async (n: number): Promise<void> => {
    await waitFor(() => expect(screen.getByTestId('plan-count').getAttribute('data-count')).toBe(String(n)));
  };

  it('builds a row per parameter from the strategy schema, the integers varied around their defaults', async () => {
    await screen.findByTestId('sweep-form');
    expect(screen.getAllByTestId('param-row').map((r) => r.getAttribute('data-param'))).toEqual(['fast', 'slow', 'mode', 'weight']);
    // fast 10 → 5..20 step 1, slow 20 → 10..40 step 2; the enum and the weight keep one value.
    expect([input('from-fast').value, input('to-fast').value, input('step-fast').value]).toEqual(['5', '20', '1']);
    expect([input('from-slow').value, input('to-slow').value, input('step-slow').value]).toEqual(['10', '40', '2']);
    expect(row('mode').getAttribute('data-vary')).toBe('false');
    expect((within(row('mode')).getByTestId('fixed-mode') as HTMLSelectElement).value).toBe('long_only');
    expect(input('fixed-weight').value).toBe('1');
    expect(input('sweep-where').value).toBe('fast < slow');
    expect(screen.getByTestId('count-fast').textContent).toBe('16 values');

    // The count comes from the engine's plan of exactly this request.
    await counted(16 * 16);
    expect(lastPlan()).toMatchObject({
      axes: [
        { name: 'fast', min: 5, max: 20, step: 1 },
        { name: 'slow', min: 10, max: 40, step: 2 },
      ],
      search: { kind: 'grid' },
      where: 'fast < slow',
      objective: 'sharpe',
    });
  });

  it('sends the axes, choices, fixed values and base spec it shows, and opens the sweep', async () => {
    await counted(256);
    const user = userEvent.setup();
    await user.click(screen.getByTestId('vary-mode'));
    await user.click(screen.getByTestId('choice-mode-long_only'));
    await user.clear(input('to-fast'));
    await user.type(input('to-fast'), '12');
    await user.clear(input('fixed-weight'));
    await user.type(input('fixed-weight'), '0.5');
    await user.selectOptions(screen.getByTestId('sweep-objective'), 'cagr_pct');
    await counted(8 * 16 * 1);

    await user.click(screen.getByTestId('start-sweep'));
    await waitFor(() => expect(engine.inputsOf('research.sweepStart')).toHaveLength(1));
    const sent = engine.inputsOf('research.sweepStart')[0];
    const base = defaultSpec();
    expect(sent).toEqual({
      spec: { ...base, name: 'New backtest sweep', strategy: { name: 'sma-cross', params: { fast: 10, slow: 20, mode: 'long_only', weight: 0.5 } } },
      axes: [
        { name: 'fast', min: 5, max: 12, step: 1 },
        { name: 'slow', min: 10, max: 40, step: 2 },
        { name: 'mode', values: ['long_short'] },
      ],
      search: { kind: 'grid' },
      where: 'fast < slow',
      objective: 'cagr_pct',
    });
    await waitFor(() => expect(location.hash).toBe('#/research/sweeps/sw-9'));
  });

  it("shows the engine's issues and a row's own issue inline, and starts nothing until they are fixed", async () => {
    await counted(256);
    const user = userEvent.setup();
    await user.clear(input('sweep-where'));
    await user.type(input('sweep-where'), 'bogus < slow');
    expect(await screen.findByTestId('plan-issue')).toHaveProperty('textContent', 'where: unknown name bogus');
    expect((screen.getByTestId('start-sweep') as HTMLButtonElement).disabled).toBe(true);

    // A row the form can judge by itself is flagged under it, and the engine is not asked.
    await user.clear(input('sweep-where'));
    await user.type(input('sweep-where'), 'fast < slow');
    await counted(256);
    const plans = engine.inputsOf('research.plan').length;
    await user.clear(input('from-slow'));
    await user.type(input('from-slow'), '90');
    expect((await screen.findByTestId('param-issue-slow')).textContent).toBe('from is above to');
    expect(input('from-slow').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('plan-issue').textContent).toMatch(/1 parameter needs fixing/);
    expect((screen.getByTestId('start-sweep') as HTMLButtonElement).disabled).toBe(true);
    await new Promise((r) => setTimeout(r, 400));
    expect(engine.inputsOf('research.plan')).toHaveLength(plans);
  });

  it('draws a seeded random sample instead of the grid', async () => {
    await counted(256);
    const user = userEvent.setup();
    await user.click(screen.getByTestId('search-random'));
    await user.clear(input('search-samples'));
    await user.type(input('search-samples'), '50');
    await waitFor(() => expect(lastPlan()?.search).toEqual({ kind: 'random', samples: 50, seed: 1 }));
  });

  it('runs the same sweep walking forward over the windows it is given', async () => {
    await counted(256);
    const user = userEvent.setup();
    await user.click(screen.getByTestId('tab-walkforward'));
    await user.clear(input('wf-inSample'));
    await user.type(input('wf-inSample'), '12');
    await user.clear(input('wf-outOfSample'));
    await user.type(input('wf-outOfSample'), '3');
    await user.selectOptions(screen.getByTestId('wf-mode'), 'anchored');
    expect(screen.getByTestId('plan-count').textContent).toMatch(/per window/);
    await user.click(screen.getByTestId('start-walkforward'));
    await waitFor(() => expect(engine.inputsOf('research.walkForwardStart')).toHaveLength(1));
    const sent = engine.inputsOf('research.walkForwardStart')[0];
    expect(sent.windows).toEqual({ mode: 'anchored', unit: 'months', inSample: 12, outOfSample: 3 });
    expect(sent.axes.map((a) => a.name)).toEqual(['fast', 'slow']);
    await waitFor(() => expect(location.hash).toBe('#/research/walkforward/wf-9'));
  });
});

describe('ResearchScreen lists', () => {
  afterEach(() => cleanup());

  it('deletes an ended sweep after asking, and reads the list again; a running one cannot be deleted', async () => {
    const summary = (id: string, state: 'completed' | 'running') => ({
      id,
      name: `sweep ${id}`,
      strategy: 'sma-cross',
      objective: 'sharpe',
      state,
      combinations: 6,
      done: state === 'completed' ? 6 : 2,
      createdAt: Date.UTC(2024, 0, 2),
      elapsedMs: null,
      bestObjective: null,
      error: null,
    });
    let listed = [summary('a', 'completed'), summary('b', 'running')];
    const engine = createFakeEngine({
      ...researchBasics(),
      'backtests.defaults': () => ({ spec: defaultSpec() }),
      'strategies.list': () => strategyInfos(),
      'backtests.list': () => [],
      'research.plan': plan,
      'research.sweeps': () => listed,
      'research.delete': ({ id }) => {
        listed = listed.filter((s) => s.id !== id);
        return { deleted: true };
      },
    });
    useResearchDraft.setState({ draft: null });
    renderWithApi(<ResearchScreen from={null} />, engine.client);
    const user = userEvent.setup();
    const rows = await screen.findAllByTestId('sweep-list-row');
    const button = (r: HTMLElement): HTMLButtonElement => within(r).getByTestId('research-delete') as HTMLButtonElement;
    const byId = (id: string): HTMLElement => rows.find((r) => r.getAttribute('data-id') === id)!;
    expect(button(byId('b')).disabled).toBe(true);
    await user.click(button(byId('a')));
    expect(engine.inputsOf('research.delete')).toEqual([]);
    await user.click(within(within(byId('a')).getByTestId('confirm-dialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(engine.inputsOf('research.delete')).toEqual([{ id: 'a' }]));
    await waitFor(() => expect(screen.getAllByTestId('sweep-list-row').map((r) => r.getAttribute('data-id'))).toEqual(['b']));
    // The click stayed on the button: the row did not open the sweep.
    expect(location.hash).not.toContain('/research/sweeps/');
    expect(engine.contractErrors).toEqual([]);
  });
});
