// @vitest-environment happy-dom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import type { MethodInput } from '../../../core/ipc/contract';
import type { RunSummary } from '../../../core/ipc/contract/backtests';
import type { SessionSummaryDto } from '../../../core/ipc/contract/sessions';
import { ApiError } from '../../../core/ipc/errors';
import { ApiProvider } from '../../api/ApiProvider';
import { createQueryClient } from '../../api/queryClient';
import { StatusBar } from '../../app/StatusBar';
import { createFakeEngine, type FakeEngine } from '../../testing/fakeEngine';
import { RUN_ID, sessionSummary } from '../../testing/sessionFixtures';
import { connectedState, tradingState } from '../../testing/tradingFixtures';
import { SessionsScreen } from './SessionsScreen';
import { syncSessions } from './sessionsSync';

const run: RunSummary = {
  id: RUN_ID,
  name: 'sma 2/6 on GOOG',
  strategy: 'sma-cross',
  status: 'completed',
  error: null,
  createdAt: new Date(2024, 4, 1, 9, 30).getTime(),
  finishedAt: new Date(2024, 4, 1, 9, 31).getTime(),
  periodStart: Date.UTC(2005, 0, 3),
  periodEnd: Date.UTC(2013, 2, 1),
  sessionsTotal: 2000,
  sessionsDone: 2000,
  initialCash: 100_000,
  metrics: null,
};

let engine: FakeEngine;
let sessions: SessionSummaryDto[];
let connected: boolean;

/** An engine that keeps its sessions as the real one does: commands change their state. */
function sessionsEngine(): FakeEngine {
  return createFakeEngine({
    'sessions.list': () => sessions,
    'sessions.control': ({ id, action }) => {
      const i = sessions.findIndex((s) => s.id === id);
      const next = action === 'pause' ? 'paused' : action === 'resume' ? 'running' : 'stopped';
      sessions[i] = { ...sessions[i], state: next, reason: action === 'flatten' ? 'flattened and stopped by the trader' : sessions[i].reason };
      return sessions[i];
    },
    'sessions.start': (input) => {
      if (input.broker === 'connected' && !connected) {
        throw new ApiError('UNAVAILABLE', 'connect to a broker first (Trading), or start the session on the local simulator');
      }
      const fresh = { decisions: 0, equity: null, pnlToday: null, pnlTotal: null, lastDecidedTs: null };
      const s = sessionSummary({ id: `new-${sessions.length}`, name: 'started', broker: input.broker === 'sim' ? 'sim' : 'ib', ...fresh });
      sessions = [s, ...sessions];
      return s;
    },
    'trading.state': () => (connected ? connectedState() : tradingState()),
    'backtests.list': (input) => (input.status === 'completed' ? [run] : []),
    'backtests.jobs': () => [],
    'system.info': () => ({ appVersion: '0.1.0', transport: 'in-process', dataDir: '/d', dbPath: '/d/db' }),
  });
}

function renderScreen(): void {
  const qc = createQueryClient();
  onTestFinished(syncSessions(engine.client, qc));
  render(
    <ApiProvider api={engine.client}>
      <QueryClientProvider client={qc}>
        <SessionsScreen />
        <StatusBar />
      </QueryClientProvider>
    </ApiProvider>,
  );
}

const row = (id: string): HTMLElement => screen.getAllByTestId('session-row').find((r) => r.getAttribute('data-id') === id) as HTMLElement;
const cell = (id: string, col: string): string => within(row(id)).getByText((_, el) => el?.getAttribute('data-col') === col).textContent ?? '';
const controls = (id: string) => ({
  pause: within(row(id)).queryByTestId('session-pause') as HTMLButtonElement | null,
  resume: within(row(id)).queryByTestId('session-resume') as HTMLButtonElement | null,
  stop: within(row(id)).getByTestId('session-stop') as HTMLButtonElement,
  flatten: within(row(id)).getByTestId('session-flatten') as HTMLButtonElement,
});

beforeEach(() => {
  sessions = [
    sessionSummary({ id: 'paper' }),
    sessionSummary({ id: 'live', name: 'spy-live', mode: 'LIVE', pnlToday: -20.25 }),
    sessionSummary({ id: 'detached', name: 'from before', attached: false, pnlToday: null }),
    sessionSummary({ id: 'ended', name: 'done', state: 'stopped', reason: 'daily loss limit: 2,100 lost, limit 2,000', pnlToday: 999 }),
  ];
  connected = false;
  engine = sessionsEngine();
});
afterEach(() => {
  cleanup();
  expect(engine.contractErrors).toEqual([]);
});

describe('SessionsScreen', () => {
  it('lists every session with its state, figures and the commands it takes; the status bar counts the active ones', async () => {
    renderScreen();
    await waitFor(() => expect(screen.getAllByTestId('session-row')).toHaveLength(4));
    expect(cell('paper', 'decisions')).toBe('3');
    expect(cell('paper', 'last-decided')).toBe('2013-03-03');
    expect(cell('paper', 'equity')).toBe('100,250.50');
    expect(cell('paper', 'pnl-today')).toBe('+120.25');
    expect(cell('paper', 'pnl-total')).toBe('+250.50');
    expect(within(row('live')).getByTestId('session-mode').textContent).toBe('LIVE');
    expect(within(row('detached')).getByTestId('session-state').textContent).toBe('runningwaiting for broker');
    expect(within(row('paper')).getByTestId('session-state').textContent).toBe('running');
    expect(within(row('ended')).getByTestId('session-reason').textContent).toBe('daily loss limit: 2,100 lost, limit 2,000');
    expect(within(row('paper')).getByTestId('session-link').getAttribute('href')).toBe('#/sessions/paper');

    const c = controls('paper');
    expect([c.pause?.disabled, c.stop.disabled, c.flatten.disabled]).toEqual([false, false, false]);
    const d = controls('detached');
    expect([d.pause?.disabled, d.stop.disabled, d.flatten.disabled]).toEqual([true, false, true]);
    const e = controls('ended');
    expect([e.pause?.disabled, e.stop.disabled, e.flatten.disabled]).toEqual([true, true, true]);

    // Three active sessions (one LIVE); the stopped one's P&L is not counted.
    const status = await screen.findByTestId('status-sessions');
    expect(status.getAttribute('data-count')).toBe('3');
    expect(status.textContent).toContain('1 LIVE');
    expect(screen.getByTestId('status-sessions-pnl').textContent).toBe('+100.00');
  });

  it('follows the engine’s events without asking again: decisions, P&L, a new session', async () => {
    renderScreen();
    await waitFor(() => expect(screen.getAllByTestId('session-row')).toHaveLength(4));
    const asked = engine.inputsOf('sessions.list').length;
    engine.bus.emit('sessions.changed', sessionSummary({ id: 'paper', decisions: 4, lastDecidedTs: Date.UTC(2013, 2, 4), pnlToday: 30 }));
    await waitFor(() => expect(cell('paper', 'decisions')).toBe('4'));
    expect(cell('paper', 'last-decided')).toBe('2013-03-04');
    expect(screen.getByTestId('status-sessions-pnl').textContent).toBe('+9.75');
    engine.bus.emit('sessions.changed', sessionSummary({ id: 'fresh', name: 'fresh one', decisions: 0 }));
    await waitFor(() => expect(screen.getAllByTestId('session-row').map((r) => r.getAttribute('data-id'))).toEqual(['fresh', 'paper', 'live', 'detached', 'ended']));
    expect(screen.getByTestId('status-sessions').getAttribute('data-count')).toBe('4');
    expect(engine.inputsOf('sessions.list').length).toBe(asked);
  });

  it('pauses and resumes a PAPER session in one click; flattening asks first', async () => {
    const user = userEvent.setup();
    renderScreen();
    await waitFor(() => expect(screen.getAllByTestId('session-row')).toHaveLength(4));
    await user.click(controls('paper').pause as HTMLButtonElement);
    await waitFor(() => expect(row('paper').getAttribute('data-state')).toBe('paused'));
    await user.click(controls('paper').resume as HTMLButtonElement);
    await waitFor(() => expect(row('paper').getAttribute('data-state')).toBe('running'));
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();

    await user.click(controls('paper').flatten);
    const dialog = within(row('paper')).getByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('Flatten & stop “goog-forward”?');
    // Cancelled: nothing sent.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(engine.inputsOf('sessions.control').map((c) => c.action)).toEqual(['pause', 'resume']);
    await user.click(controls('paper').flatten);
    await user.click(within(within(row('paper')).getByTestId('confirm-dialog')).getByTestId('confirm-ok'));
    await waitFor(() => expect(row('paper').getAttribute('data-state')).toBe('stopped'));
    expect(engine.inputsOf('sessions.control')).toEqual<MethodInput<'sessions.control'>[]>([
      { id: 'paper', action: 'pause' },
      { id: 'paper', action: 'resume' },
      { id: 'paper', action: 'flatten' },
    ]);
  });

  it('asks before every command to a LIVE session, and shows the engine’s refusal', async () => {
    const user = userEvent.setup();
    renderScreen();
    await waitFor(() => expect(screen.getAllByTestId('session-row')).toHaveLength(4));
    await user.click(controls('live').pause as HTMLButtonElement);
    const dialog = within(row('live')).getByTestId('confirm-dialog');
    expect(within(dialog).getByTestId('session-confirm-text').textContent).toContain('This is a LIVE session: it trades real money.');
    expect(engine.inputsOf('sessions.control')).toEqual([]);
    await user.click(within(dialog).getByTestId('confirm-ok'));
    await waitFor(() => expect(row('live').getAttribute('data-state')).toBe('paused'));
    expect(engine.inputsOf('sessions.control')).toEqual([{ id: 'live', action: 'pause' }]);
  });

  it('shows why the engine refused a command', async () => {
    engine = createFakeEngine({
      'sessions.list': () => sessions,
      'sessions.control': ({ id }) => {
        throw new ApiError('REJECTED', `session ${id} is running and not running in this app: connect to its broker to resume it`);
      },
      'trading.state': () => tradingState(),
      'backtests.list': () => [],
    });
    const user = userEvent.setup();
    renderScreen();
    await waitFor(() => expect(screen.getAllByTestId('session-row')).toHaveLength(4));
    await user.click(controls('paper').stop);
    const error = await within(row('paper')).findByTestId('error');
    expect(error.textContent).toBe('Stop refused: session paper is running and not running in this app: connect to its broker to resume it');
  });

  it('starts a session from a spec file, saying clearly when no broker is connected', async () => {
    const user = userEvent.setup();
    renderScreen();
    const form = await screen.findByTestId('start-session-form');
    await waitFor(() => expect(within(form).getByTestId('broker-connected-status').getAttribute('data-ready')).toBe('false'));
    // Nothing to start yet: the field says so and nothing is asked.
    await user.click(within(form).getByTestId('start-session'));
    expect(within(form).getByText(/the spec file to run/)).toBeTruthy();
    expect(engine.inputsOf('sessions.start')).toEqual([]);

    await user.type(within(form).getByTestId('start-spec-path'), '/tmp/forward.yaml');
    await user.type(within(form).getByTestId('start-max-daily-loss'), '2000');
    await user.click(within(form).getByTestId('start-session'));
    const error = await within(form).findByTestId('error');
    expect(error.textContent).toBe('Session not started: connect to a broker first (Trading), or start the session on the local simulator');
    expect(engine.inputsOf('sessions.start')).toEqual([{ specPath: '/tmp/forward.yaml', broker: 'connected', simBars: 'replay', speed: 2, maxDailyLoss: 2000 }]);

    connected = true;
    await user.click(within(form).getByTestId('start-session'));
    await within(form).findByTestId('start-started');
    expect(within(form).queryByTestId('error')).toBeNull();
    await waitFor(() => expect(screen.getAllByTestId('session-row')[0].getAttribute('data-id')).toBe('new-4'));
  });

  it('starts a completed backtest on the local simulator at the speed typed', async () => {
    const user = userEvent.setup();
    renderScreen();
    const form = await screen.findByTestId('start-session-form');
    await user.click(within(form).getByTestId('start-source-run'));
    const select = within(form).getByTestId('start-run') as HTMLSelectElement;
    await waitFor(() => expect(select.options).toHaveLength(2));
    expect(select.options[1].textContent).toContain('sma 2/6 on GOOG · sma-cross');
    await user.selectOptions(select, RUN_ID);
    await user.click(within(form).getByTestId('broker-sim'));
    await user.clear(within(form).getByTestId('broker-speed'));
    await user.type(within(form).getByTestId('broker-speed'), '10');
    await user.click(within(form).getByTestId('start-session'));
    await within(form).findByTestId('start-started');
    expect(engine.inputsOf('sessions.start')).toEqual([{ runId: RUN_ID, broker: 'sim', simBars: 'replay', speed: 10 }]);
  });

  it('runs the local simulator on the connected broker’s live bars, with no speed to give', async () => {
    connected = true;
    const user = userEvent.setup();
    renderScreen();
    const form = await screen.findByTestId('start-session-form');
    await user.type(within(form).getByTestId('start-spec-path'), 'forward.yaml');
    await user.click(within(form).getByTestId('broker-sim'));
    expect(within(form).getByTestId('broker-speed')).toBeTruthy();
    await user.click(within(form).getByTestId('sim-bars-connected'));
    expect(within(form).queryByTestId('broker-speed')).toBeNull();
    await user.click(within(form).getByTestId('start-session'));
    await within(form).findByTestId('start-started');
    expect(engine.inputsOf('sessions.start')).toEqual([{ specPath: 'forward.yaml', broker: 'sim', simBars: 'connected', speed: 2 }]);
  });

  it('asks before starting on a LIVE connection', async () => {
    connected = true;
    engine = createFakeEngine({
      'sessions.list': () => sessions,
      'sessions.start': () => sessionSummary({ id: 'live-new', mode: 'LIVE' }),
      'trading.state': () => connectedState({ mode: 'LIVE', liveArmed: true, armedAt: 1 }),
      'backtests.list': () => [],
    });
    const user = userEvent.setup();
    renderScreen();
    const form = await screen.findByTestId('start-session-form');
    await waitFor(() => expect(within(form).getByTestId('broker-connected-status').textContent).toContain('LIVE'));
    await user.type(within(form).getByTestId('start-spec-path'), 'forward.yaml');
    await user.click(within(form).getByTestId('start-session'));
    const dialog = within(form).getByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('trade real money');
    expect(engine.inputsOf('sessions.start')).toEqual([]);
    await user.click(within(dialog).getByTestId('confirm-ok'));
    await within(form).findByTestId('start-started');
    expect(engine.inputsOf('sessions.start')).toEqual([{ specPath: 'forward.yaml', broker: 'connected', simBars: 'replay', speed: 2 }]);
  });
});
