// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TradingStateDto } from '../../../core/ipc/contract/trading';
import { ApiError } from '../../../core/ipc/errors';
import { createFakeEngine, type FakeEngine } from '../../testing/fakeEngine';
import { renderWithApi } from '../../testing/renderWithApi';
import { RUN_ID, sessionSummary } from '../../testing/sessionFixtures';
import { connectedState, tradingState } from '../../testing/tradingFixtures';
import { RunOnPaper } from './RunOnPaper';

let engine: FakeEngine;
let state: TradingStateDto;

beforeEach(() => {
  location.hash = `#/runs/${RUN_ID}`;
  state = tradingState();
  engine = createFakeEngine({
    'trading.state': () => state,
    'sessions.start': (input) => {
      if (input.broker === 'connected' && state.connection.state !== 'ready') {
        throw new ApiError('UNAVAILABLE', 'connect to a broker first (Trading), or start the session on the local simulator');
      }
      return sessionSummary({ id: 'from-run', sourceRunId: RUN_ID, broker: input.broker === 'sim' ? 'sim' : 'ib' });
    },
  });
});
afterEach(() => {
  cleanup();
  expect(engine.contractErrors).toEqual([]);
});

describe('Run on paper', () => {
  it('starts the run on the local simulator and opens the session', async () => {
    const user = userEvent.setup();
    renderWithApi(<RunOnPaper runId={RUN_ID} />, engine.client);
    expect(engine.calls).toEqual([]);
    await user.click(screen.getByTestId('run-on-paper'));
    const dialog = screen.getByTestId('run-on-paper-dialog');
    await waitFor(() => expect(within(dialog).getByTestId('broker-connected-status').textContent).toContain('not connected'));
    await user.click(within(dialog).getByTestId('broker-sim'));
    await user.click(within(dialog).getByTestId('run-on-paper-start'));
    await waitFor(() => expect(location.hash).toBe('#/sessions/from-run'));
    expect(engine.inputsOf('sessions.start')).toEqual([{ runId: RUN_ID, broker: 'sim', simBars: 'replay', speed: 2 }]);
  });

  it('offers the connected broker, refused clearly while none is connected', async () => {
    const user = userEvent.setup();
    renderWithApi(<RunOnPaper runId={RUN_ID} />, engine.client);
    await user.click(screen.getByTestId('run-on-paper'));
    const dialog = screen.getByTestId('run-on-paper-dialog');
    await user.click(within(dialog).getByTestId('run-on-paper-start'));
    const error = await within(dialog).findByTestId('error');
    expect(error.textContent).toBe('Session not started: connect to a broker first (Trading), or start the session on the local simulator');
    expect(location.hash).toBe(`#/runs/${RUN_ID}`);

    state = connectedState();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByTestId('run-on-paper'));
    const again = screen.getByTestId('run-on-paper-dialog');
    await waitFor(() => expect(within(again).getByTestId('broker-connected-status').textContent).toBe('127.0.0.1:7497 · client 4 · PAPER'));
    await user.click(within(again).getByTestId('run-on-paper-start'));
    await waitFor(() => expect(location.hash).toBe('#/sessions/from-run'));
    expect(engine.inputsOf('sessions.start').at(-1)).toEqual({ runId: RUN_ID, broker: 'connected', simBars: 'replay', speed: 2 });
  });

  it('warns that a LIVE connection trades real money', async () => {
    state = connectedState({ mode: 'LIVE', liveArmed: true, armedAt: 1 });
    const user = userEvent.setup();
    renderWithApi(<RunOnPaper runId={RUN_ID} />, engine.client);
    await user.click(screen.getByTestId('run-on-paper'));
    const dialog = screen.getByTestId('run-on-paper-dialog');
    await within(dialog).findByTestId('run-on-paper-live');
    expect(within(dialog).getByTestId('run-on-paper-start').textContent).toBe('Start LIVE session');
    await user.click(within(dialog).getByTestId('broker-sim'));
    expect(within(dialog).queryByTestId('run-on-paper-live')).toBeNull();
    expect(within(dialog).getByTestId('run-on-paper-start').textContent).toBe('Start session');
  });
});
