// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeEngine } from '../../testing/fakeEngine';
import { renderWithApi } from '../../testing/renderWithApi';
import { LogScreen } from './LogScreen';

afterEach(cleanup);

type Entry = { time: number; level: 'debug' | 'info' | 'warn' | 'error' | 'fatal'; component: string | null; msg: string; detail: string | null };
const RANK = ['debug', 'info', 'warn', 'error', 'fatal'];

/** An engine whose log grows by the lines a test appends; it filters by level as the real handler does. */
function engineWithLog(lines: Entry[]) {
  return createFakeEngine({
    'system.logs': (input) => ({
      dir: '/data/logs',
      entries: lines.filter((e) => RANK.indexOf(e.level) >= RANK.indexOf(input.level)).slice(-input.limit),
    }),
  });
}

const rows = (): string[] => within(screen.getByTestId('log-table')).getAllByRole('row').slice(1).map((r) => r.textContent ?? '');

describe('LogScreen', () => {
  it('shows the newest line first, with level, part and fields, and filters by level', async () => {
    const t0 = new Date(2026, 11, 7, 9, 14, 3, 207).getTime();
    const engine = engineWithLog([
      { time: t0, level: 'info', component: 'host', msg: 'engine host started (electron)', detail: null },
      { time: t0 + 1000, level: 'warn', component: 'ib', msg: 'connection disconnected: socket closed', detail: '{"code":1100}' },
      { time: t0 + 2000, level: 'debug', component: 'jobs', msg: 'not shown at info' },
    ] as Entry[]);
    renderWithApi(<LogScreen />, engine.client);
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows()).toEqual([
      '2026-12-07 09:14:04.207warnibconnection disconnected: socket closed{"code":1100}',
      '2026-12-07 09:14:03.207infohostengine host started (electron)',
    ]);
    expect(screen.getByText(/Files in \/data\/logs/)).toBeTruthy();
    await userEvent.selectOptions(screen.getByTestId('log-level'), 'warn');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(engine.inputsOf('system.logs').at(-1)).toMatchObject({ level: 'warn', limit: 500 });
    expect(engine.contractErrors).toEqual([]);
  });

  it('picks up new lines by itself while auto-refresh is on, and says when there is none', async () => {
    const lines: Entry[] = [];
    const engine = engineWithLog(lines);
    renderWithApi(<LogScreen />, engine.client);
    await screen.findByTestId('log-empty');
    lines.push({ time: Date.now(), level: 'error', component: 'ipc', msg: 'backtests.delete failed', detail: '{"err":"disk full"}' });
    await waitFor(() => expect(rows()).toHaveLength(1), { timeout: 5000 });
    const asked = engine.inputsOf('system.logs').length;
    await userEvent.click(screen.getByTestId('log-auto'));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(engine.inputsOf('system.logs').length).toBe(asked);
  });
});
