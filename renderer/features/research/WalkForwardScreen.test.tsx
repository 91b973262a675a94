// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { WalkForwardDetail } from '../../../core/ipc/contract/research';
import { strategyInfos } from '../../../core/service/backtests/specForm';
import { researchBasics, researchJob, walkForwardDetail } from '../../testing/researchFixtures';
import { createFakeEngine, type FakeEngine } from '../../testing/fakeEngine';
import { renderWithApi } from '../../testing/renderWithApi';
import { WalkForwardScreen } from './WalkForwardScreen';

describe('WalkForwardScreen', () => {
  let engine: FakeEngine;
  afterEach(() => {
    cleanup();
    expect(engine.contractErrors).toEqual([]);
    expect(engine.unserved).toEqual([]);
  });

  const serve = (detail: WalkForwardDetail, jobs = researchBasics()['research.jobs']): void => {
    engine = createFakeEngine({ ...researchBasics(), 'research.jobs': jobs, 'strategies.list': () => strategyInfos(), 'research.walkForward': () => detail });
    renderWithApi(<WalkForwardScreen id={detail.id} />, engine.client);
  };

  it('shows the efficiency up front with its reading, and the stitched out-of-sample figures', async () => {
    serve(walkForwardDetail());
    const card = await screen.findByTestId('wf-efficiency');
    expect(within(card).getByTestId('wf-efficiency-value').textContent).toBe('64 %');
    expect(within(card).getByTestId('wf-efficiency-reading').textContent).toBe('Out-of-sample kept 64 % of the in-sample return: the optimisation carried forward.');
    expect(within(card).getByTestId('wf-metric-total_return_pct').textContent).toMatch(/\+10\.11 %/);
    expect(screen.getByTestId('wf-stitched-chart').getAttribute('data-windows')).toBe('3');
  });

  it('lists each window with its dates, chosen parameters and in- and out-of-sample objective', async () => {
    serve(walkForwardDetail());
    const rows = within(await screen.findByTestId('wf-windows')).getAllByTestId('wf-window');
    expect(rows).toHaveLength(3);
    const cells = (r: HTMLElement): string[] => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '');
    expect(cells(rows[0]).slice(0, 7)).toEqual(['1', '2012-01-02 → 2013-12-21', '2013-12-22 → 2014-06-19', '10', '30', '1.500', '0.900']);
    expect(rows[1].querySelector('[data-col="param-fast"]')?.textContent).toBe('5');
    expect(rows[2].querySelector('[data-col="oos-objective"]')?.className).toContain('neg');
    // Each window's overfitting statistics, and their mean on the efficiency card.
    expect(rows.map((r) => [r.querySelector('[data-col="dsr"]')?.textContent, r.querySelector('[data-col="pbo"]')?.textContent])).toEqual([
      ['0.800', '0.250'],
      ['0.700', '0.350'],
      ['0.600', '0.450'],
    ]);
    expect(screen.getByTestId('wf-overfitting-reading').textContent).toMatch(/^Mean over windows: PBO 0\.35: .* Mean deflated Sharpe of the choices: 0\.700\.$/);

    const stability = within(screen.getByTestId('wf-stability')).getAllByTestId('wf-stability-row');
    expect(stability.map((r) => [r.getAttribute('data-param'), r.querySelector('[data-col="share"]')?.textContent])).toEqual([
      ['fast', '67 %'],
      ['slow', '100 %'],
    ]);
  });

  it('reads an efficiency below one half as fitted, and an undefined one as such', async () => {
    serve(walkForwardDetail({ efficiency: 0.2 }));
    expect((await screen.findByTestId('wf-efficiency-reading')).textContent).toMatch(/kept 20 % .* looks fitted/);
    cleanup();
    serve(walkForwardDetail({ efficiency: null }));
    expect((await screen.findByTestId('wf-efficiency-value')).textContent).toBe('—');
    expect(screen.getByTestId('wf-efficiency-reading').textContent).toMatch(/^Not defined/);
  });

  it('shows a running walk-forward’s progress and the windows done so far', async () => {
    const running = walkForwardDetail({ state: 'running', done: 1, total: 3 });
    serve({ ...running, windows: running.windows.slice(0, 1) }, () => [researchJob({ id: 'wf-1', kind: 'walkforward', state: 'running', done: 1, total: 3, etaMs: 60_000 })]);
    expect((await screen.findByTestId('research-eta')).textContent).toBe('ETA 1 m 00 s');
    expect(screen.getByTestId('research-done').textContent).toMatch(/1\s*\/ 3 runs/);
    expect(within(screen.getByTestId('wf-windows')).getAllByTestId('wf-window')).toHaveLength(1);
    expect(screen.getByTestId('research-cancel')).toBeTruthy();
  });
});
