// @vitest-environment happy-dom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import type { Job } from '../../core/ipc/contract/backtests';
import { ApiProvider } from '../api/ApiProvider';
import { syncWithEngine } from '../api/engineSync';
import { createQueryClient } from '../api/queryClient';
import { BacktestsScreen } from '../features/backtests/BacktestsScreen';
import { JobsScreen } from '../features/jobs/JobsScreen';
import { useFailedJobs } from '../stores/failedJobsStore';
import { useLiveEquity } from '../stores/liveEquityStore';
import { createFakeEngine, type FakeEngine } from '../testing/fakeEngine';
import { renderWithApi } from '../testing/renderWithApi';
import { Notifications } from './Notifications';
import { StatusBar } from './StatusBar';

const ERROR = "no bars fall between the run's start and end";
const running: Job = { jobId: 'job-run', name: 'long run', state: 'running', runId: null, done: 10, total: 100, etaMs: 5000, error: null, queuedAt: 1 };
const launched: Job = { jobId: 'job-late', name: 'starts too late', state: 'queued', runId: null, done: 0, total: 0, etaMs: null, error: null, queuedAt: 2 };
const failed: Job = { ...launched, state: 'failed', error: ERROR };

// A launch that fails while the user is on another screen: the notification, the top of Jobs, the status
// bar and the runs list all say so, from the one `backtests.job` event.
describe('a launch that fails', () => {
  let engine: FakeEngine;
  let jobs: Job[];
  beforeEach(() => {
    useFailedJobs.setState({ failed: [], toasts: [] });
    useLiveEquity.setState({ byJob: {} });
    jobs = [running, launched];
    engine = createFakeEngine({
      'backtests.jobs': () => jobs,
      'backtests.list': () => [],
      'system.info': () => ({ appVersion: '0.1.0', transport: 'in-process', dataDir: '/d', dbPath: '/d/db' }),
    });
  });
  afterEach(() => {
    cleanup();
    expect(engine.contractErrors).toEqual([]);
  });

  const fail = (): void => {
    jobs = [running, failed];
    engine.bus.emit('backtests.job', failed);
  };

  it('raises a notification that stays until closed and leads to Jobs', async () => {
    renderWithApi(
      <>
        <Notifications />
        <StatusBar />
      </>,
      engine.client,
    );
    await screen.findByTestId('status-jobs');
    expect(screen.queryByTestId('toast')).toBeNull();
    fail();
    const toast = await screen.findByTestId('toast');
    expect(toast.textContent).toContain('Backtest “starts too late” failed');
    expect(within(toast).getByTestId('toast-error').textContent).toBe(ERROR);
    expect(screen.getByTestId('status-failed').textContent).toBe(`✕ starts too late failed: ${ERROR}`);

    await userEvent.setup().click(within(toast).getByRole('button', { name: 'Show in Jobs' }));
    expect(location.hash).toBe('#/jobs');
    expect(screen.queryByTestId('toast')).toBeNull();
    // The status bar keeps it until the failure is dismissed on the Jobs screen.
    expect(screen.getByTestId('status-failed')).toBeTruthy();
  });

  it('heads the Jobs screen above the running job, and leaves it when dismissed', async () => {
    // As in the app, the engine's job events update the jobs list too.
    const qc = createQueryClient();
    const stop = syncWithEngine(engine.client, qc);
    render(
      <ApiProvider api={engine.client}>
        <QueryClientProvider client={qc}>
          <Notifications />
          <JobsScreen />
          <StatusBar />
        </QueryClientProvider>
      </ApiProvider>,
    );
    onTestFinished(stop);
    await waitFor(() => expect(screen.getAllByTestId('job-card')).toHaveLength(2));
    fail();
    await waitFor(() => expect(screen.getAllByTestId('job-card').map((c) => c.getAttribute('data-job-id'))).toEqual(['job-late', 'job-run']));
    const card = screen.getAllByTestId('job-card')[0];
    expect(within(card).getByTestId('job-error').textContent).toBe(ERROR);
    expect(within(card).getByTestId('job-not-started')).toBeTruthy();

    await userEvent.setup().click(within(card).getByTestId('job-dismiss'));
    await waitFor(() => expect(screen.getAllByTestId('job-card').map((c) => c.getAttribute('data-job-id'))).toEqual(['job-run']));
    expect(screen.queryByTestId('status-failed')).toBeNull();
    // Dismissed from the top, it is still in the history below.
    expect(within(screen.getByTestId('jobs-ended')).getByText(ERROR)).toBeTruthy();
  });

  it('is listed in the runs list with its reason, though it recorded no run', async () => {
    jobs = [running, failed];
    renderWithApi(<BacktestsScreen />, engine.client);
    const row = await screen.findByTestId('failed-launch');
    expect(row.textContent).toContain('starts too late');
    expect(row.textContent).toContain(ERROR);
  });
});
