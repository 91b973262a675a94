// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../../core/ipc/contract';
import { buildRiskReport } from '../../../../core/risk/riskReport';
import { DEFAULT_SCENARIOS } from '../../../../core/risk/scenarios';
import { simpleReturns } from '../../../../core/risk/stats';
import { historicalVarEs } from '../../../../core/risk/valueAtRisk';
import { fmtPct } from '../../../components/common/format';
import { fakeEngineEachTest } from '../../../testing/engineEachTest';
import { renderWithApi } from '../../../testing/renderWithApi';
import { RiskSection } from './RiskSection';

const DAY = 86_400_000;
const RUN = '6f1c1d2e-3a4b-4c5d-8e6f-708192a3b4c5';
const CURVE: { ts: number; equity: number; benchmark: null }[] = [];
for (let i = 0, e = 100_000; i < 40; i++) {
  if (i > 0) e *= 1 + (((i * 5) % 9) - 4) / 200;
  CURVE.push({ ts: i * DAY, equity: e, benchmark: null });
}

/** The engine's own report computation over a fixed curve and a 50,000 long book (storage is tested in core/service/risk). */
const riskReport: Handlers['risk.report'] = ({ asOf, scenarios, rollingWindow }) => ({
  ...buildRiskReport({
    asOf: asOf ?? Infinity,
    curve: CURVE,
    holdings: [{ symbol: 'AAA', quantity: 200, price: 250 }],
    scenarios: scenarios ?? DEFAULT_SCENARIOS,
    rollingWindow,
  }),
  id: 1,
  runId: RUN,
  mode: 'BACKTEST',
  createdAt: 42,
});

describe('RiskSection', () => {
  const startEngine = fakeEngineEachTest();

  it('computes nothing until opened, then shows the engine’s VaR, exposures and scenarios', async () => {
    const engine = startEngine({ 'risk.report': riskReport });
    renderWithApi(<RiskSection runId={RUN} asOf={null} />, engine.client);
    expect(screen.getByTestId('risk-section').getAttribute('data-state')).toBe('closed');
    expect(engine.calls).toEqual([]);

    await userEvent.click(screen.getByTestId('tab-risk'));
    const cell = await screen.findByTestId('historical-0.95-1d-var');
    const expected = historicalVarEs(simpleReturns(CURVE.map((p) => p.equity)), 0.95).var;
    expect(cell.textContent).toContain(fmtPct(expected * 100));
    expect(engine.calls).toHaveLength(1);
    expect(within(screen.getByTestId('risk-by-symbol')).getByText('AAA')).toBeTruthy();
    // Market −10 % on a 50,000 long book.
    const rows = screen.getAllByTestId('risk-scenario-row');
    expect(rows).toHaveLength(3);
    expect(rows[0].textContent).toContain('−5,000');
  });

  it('lists the 20 largest symbols of a wide book and counts the rest', async () => {
    const wide: Handlers['risk.report'] = (input) => {
      const r = riskReport(input) as Exclude<ReturnType<Handlers['risk.report']>, Promise<unknown>>;
      const bySymbol = Array.from({ length: 25 }, (_, i) => ({ symbol: `S${String(i).padStart(2, '0')}`, quantity: 25 - i, marketValue: (25 - i) * 100, weight: (25 - i) / 1000 }));
      return { ...r, exposures: { ...r.exposures, bySymbol } };
    };
    const engine = startEngine({ 'risk.report': wide });
    renderWithApi(<RiskSection runId={RUN} asOf={null} />, engine.client);
    await userEvent.click(screen.getByTestId('tab-risk'));
    const table = await screen.findByTestId('risk-by-symbol');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 20 + 1);
    expect(within(table).getByText('S00')).toBeTruthy();
    expect(within(table).queryByText('S20')).toBeNull();
    expect(screen.getByTestId('risk-by-symbol-more').textContent).toBe('and 5 smaller positions');
  });

  it('adds a scenario the trader types, and names what is wrong with a bad one', async () => {
    const engine = startEngine({ 'risk.report': riskReport });
    renderWithApi(<RiskSection runId={RUN} asOf={20 * DAY} />, engine.client);
    await userEvent.click(screen.getByTestId('tab-risk'));
    await screen.findByTestId('risk-var-table');

    await userEvent.type(screen.getByTestId('risk-scenario-value'), 'abc');
    await userEvent.click(screen.getByTestId('risk-scenario-add'));
    expect(screen.getByTestId('risk-scenario-error').textContent).toBe('"abc" is not a number');

    await userEvent.clear(screen.getByTestId('risk-scenario-value'));
    await userEvent.type(screen.getByTestId('risk-scenario-value'), '-5');
    await userEvent.click(screen.getByTestId('risk-scenario-add'));
    await waitFor(() => expect(screen.getAllByTestId('risk-scenario-row')).toHaveLength(4));
    const last = engine.inputsOf('risk.report').at(-1);
    expect(last?.asOf).toBe(20 * DAY);
    expect(last?.scenarios?.at(-1)).toEqual({ kind: 'market', shockPct: -5 });
    expect(screen.getByTestId('risk-asof').textContent).toContain('1970-01-21');
  });
});
