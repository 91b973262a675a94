// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionDetailDto } from '../../../core/ipc/contract/sessions';
import { createFakeEngine, type FakeEngine } from '../../testing/fakeEngine';
import { renderWithApi } from '../../testing/renderWithApi';
import { RUN_ID, SESSION_ID, sessionDetail, sessionSummary } from '../../testing/sessionFixtures';
import { SessionDetailScreen } from './SessionDetailScreen';

let engine: FakeEngine;
let detail: SessionDetailDto;

beforeEach(() => {
  location.hash = '';
  detail = sessionDetail();
  engine = createFakeEngine({
    'sessions.get': () => detail,
    'sessions.control': ({ action }) => {
      detail = { ...detail, session: { ...detail.session, state: action === 'pause' ? 'paused' : 'stopped' } };
      return detail.session;
    },
    'backtests.launch': ({ spec }) => ({ jobId: 'job-9', name: String(spec.name), state: 'queued', runId: null, done: 0, total: 0, etaMs: null, error: null, queuedAt: 1 }),
  });
});
afterEach(() => {
  cleanup();
  expect(engine.contractErrors).toEqual([]);
});

const rowsOf = (testId: string): HTMLElement[] => within(screen.getByTestId(testId)).getAllByRole('row').slice(1);
const col = (row: HTMLElement, name: string): string => row.querySelector(`[data-col="${name}"]`)?.textContent ?? '';

describe('SessionDetailScreen', () => {
  it('shows the session against its shadow backtest: figures, both curves, fills side by side, orders and actions', async () => {
    renderWithApi(<SessionDetailScreen id={SESSION_ID} />, engine.client);
    await screen.findByTestId('session-detail');
    expect(engine.inputsOf('sessions.get')).toEqual([{ id: SESSION_ID }]);
    expect(screen.getByTestId('session-title').textContent).toBe('goog-forward');
    expect(screen.getByTestId('session-decisions').textContent).toBe('3');

    const tile = (id: string): string => screen.getByTestId(`tile-${id}`).querySelector('dd')?.textContent ?? '';
    expect([tile('fills'), tile('identical'), tile('fill-rate'), tile('rejection-rate'), tile('shortfall')]).toEqual(['2 / 3', '1', '100.0 %', '0.0 %', '9.1 bps']);
    expect([tile('slip-decision'), tile('slip-backtest'), tile('ack'), tile('fill-latency')]).toEqual(['8.6 bps', '2.4 bps', '120 ms', '420 ms']);

    const chart = screen.getByTestId('session-equity-chart');
    expect([chart.getAttribute('data-live-points'), chart.getAttribute('data-backtest-points')]).toEqual(['3', '3']);

    const fills = rowsOf('session-fills-table');
    expect(fills.map((r) => r.getAttribute('data-match'))).toEqual(['identical', 'different', 'backtest-only']);
    expect([col(fills[1], 'live'), col(fills[1], 'backtest'), col(fills[1], 'slip-decision'), col(fills[1], 'slip-backtest'), col(fills[1], 'latency')]).toEqual([
      '225 @ 409.60',
      '225 @ 409.80',
      '9.8 bps',
      '4.9 bps',
      'sent → fill 500 ms',
    ]);
    expect([col(fills[2], 'live'), col(fills[2], 'backtest')]).toEqual(['—', '220 @ 405.40']);
    // The quote each order went out at, and the fill against it.
    expect([col(fills[0], 'arrival-quote'), col(fills[0], 'slip-quote'), col(fills[0], 'latency')]).toEqual(['400.10', '2.5 bps', 'decision → sent 4 ms → ack 120 ms → fill 340 ms']);
    expect(fills[0].textContent).toContain('2013-03-01');

    const orders = rowsOf('session-orders-table');
    expect(orders.map((r) => r.getAttribute('data-ref'))).toEqual(['TDabc-1-1', 'TDabc-2-1']);
    expect([col(orders[0], 'status'), col(orders[0], 'ack'), col(orders[0], 'filled')]).toEqual(['filled', '120 ms', '340 ms']);
    expect([col(orders[1], 'ack'), col(orders[1], 'filled')]).toEqual(['—', '500 ms']);

    const actions = rowsOf('session-actions-table');
    expect(actions.map((r) => r.getAttribute('data-action'))).toEqual(['RISK_REJECTED', 'SESSION_LIMIT']);
    expect(actions[1].textContent).toContain('reason: daily loss 2,100 over 2,000, equity: 97,900.50');
    expect(screen.queryByTestId('session-shadow-error')).toBeNull();
  });

  it('compares the fitted costs with the spec’s and runs the calibrated spec as a backtest', async () => {
    const user = userEvent.setup();
    renderWithApi(<SessionDetailScreen id={SESSION_ID} />, engine.client);
    const panel = await screen.findByTestId('session-calibration');
    const rows = within(panel).getAllByTestId('calibration-row');
    expect(rows.map((r) => [r.getAttribute('data-id'), col(r, 'fitted'), col(r, 'current')])).toEqual([
      ['slippage', '6.63 bps', '5.00 bps'],
      ['spread', '4.00 bps', '4.00 bps'],
      ['limit-fill', '—', '100.0 %'],
    ]);
    expect(within(panel).getByTestId('calibration-yaml').textContent).toBe(detail.calibration.specYaml);
    await user.click(within(panel).getByTestId('calibration-run'));
    await waitFor(() => expect(location.hash).toBe('#/jobs'));
    expect(engine.inputsOf('backtests.launch')).toEqual([
      {
        spec: {
          name: 'goog-forward-calibrated',
          data: { csv: [{ symbol: 'GOOG', csv: '/data/GOOG.csv' }] },
          strategy: { name: 'sma-cross', params: { fast: 2, slow: 6 } },
          initial_cash: 100_000,
          simulator: { slippage_bps: 6.63, spread_bps: 4 },
        },
      },
    ]);
  });

  it('copies the calibrated YAML', async () => {
    const user = userEvent.setup();
    renderWithApi(<SessionDetailScreen id={SESSION_ID} />, engine.client);
    const panel = await screen.findByTestId('session-calibration');
    await user.click(within(panel).getByTestId('calibration-copy'));
    await waitFor(() => expect(within(panel).getByTestId('calibration-copy').textContent).toBe('Copied'));
    expect(await navigator.clipboard.readText()).toBe(detail.calibration.specYaml);
  });

  it('says why the shadow backtest is missing, and that there is nothing to fit yet', async () => {
    detail = sessionDetail({
      shadowError: 'strategy module /x/s.mjs is gone',
      fills: [],
      orders: [],
      actions: [],
      curve: [{ ts: Date.UTC(2013, 2, 1), live: 100_000, backtest: null }],
      calibration: { ...sessionDetail().calibration, fills: 0, slippageBps: null, spreadBps: null, specYaml: null },
      session: sessionSummary({ sourceRunId: RUN_ID }),
    });
    renderWithApi(<SessionDetailScreen id={SESSION_ID} />, engine.client);
    const note = await screen.findByTestId('session-shadow-error');
    expect(note.textContent).toBe('The shadow backtest could not run: strategy module /x/s.mjs is gone. The live side is shown alone.');
    expect(screen.getByTestId('session-equity-chart').getAttribute('data-backtest-points')).toBe('0');
    expect(screen.getByTestId('session-fills-empty')).toBeTruthy();
    expect(screen.getByTestId('calibration-empty')).toBeTruthy();
    expect(screen.queryByTestId('calibration-run')).toBeNull();
    expect(screen.getByRole('link', { name: 'its backtest' }).getAttribute('href')).toBe(`#/runs/${RUN_ID}`);
  });

  it('pauses from its head and shows the new state at once', async () => {
    const user = userEvent.setup();
    renderWithApi(<SessionDetailScreen id={SESSION_ID} />, engine.client);
    await screen.findByTestId('session-detail');
    await user.click(screen.getByTestId('session-pause'));
    await waitFor(() => expect(screen.getByTestId('session-detail').getAttribute('data-state')).toBe('paused'));
    expect(screen.getByTestId('session-resume')).toBeTruthy();
    expect(engine.inputsOf('sessions.control')).toEqual([{ id: SESSION_ID, action: 'pause' }]);
  });

  it('says so when the session does not exist', async () => {
    engine = createFakeEngine({});
    renderWithApi(<SessionDetailScreen id="nope" />, engine.client);
    const error = await screen.findByTestId('error');
    expect(error.textContent).toContain('The session could not be loaded');
  });
});
