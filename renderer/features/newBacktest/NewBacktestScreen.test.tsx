// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSpec, specIssues, strategyInfos } from '../../../core/service/backtests/specForm';
import { useDraftStore } from '../../stores/draftStore';
import { createFakeEngine, type FakeEngine } from '../../testing/fakeEngine';
import { renderWithApi } from '../../testing/renderWithApi';
import { NewBacktestScreen } from './NewBacktestScreen';

// The form against the engine's own defaults, strategy list and spec validation (what the host's
// handlers call), behind the real router, so every message shown is the engine's.
describe('NewBacktestScreen validation', () => {
  let engine: FakeEngine;
  beforeEach(() => {
    useDraftStore.setState({ spec: null, origin: null });
    engine = createFakeEngine({
      'backtests.defaults': () => ({ spec: defaultSpec() }),
      'strategies.list': () => strategyInfos(),
      'backtests.validate': ({ spec }) => ({ issues: specIssues(spec, process.cwd()) }),
      'data.series': () => [],
    });
    renderWithApi(<NewBacktestScreen from={null} />, engine.client);
  });
  afterEach(() => {
    cleanup();
    expect(engine.contractErrors).toEqual([]);
    expect(engine.unserved).toEqual([]);
  });

  const launch = (): HTMLButtonElement => screen.getByTestId('launch');
  const status = (): string => screen.getByTestId('validation-status').textContent ?? '';
  const ready = async (): Promise<void> => {
    await waitFor(() => expect(status()).toContain('Ready to launch'));
  };

  it('starts from the engine defaults, ready to launch', async () => {
    await ready();
    expect(launch().disabled).toBe(false);
    expect(screen.queryAllByRole('alert')).toEqual([]);
  });

  it("shows an invalid value's message next to its field and disables Launch until it is fixed", async () => {
    await ready();
    const user = userEvent.setup();
    const cash = screen.getByLabelText(/Initial cash/) as HTMLInputElement;
    await user.clear(cash);
    await user.type(cash, '-5');

    const issue = await screen.findByTestId('issue-initial_cash');
    expect(issue.textContent).toMatch(/\S/);
    // Next to its field: in the same field block, and named by the input's aria-describedby.
    expect(issue.closest('[data-field]')?.getAttribute('data-field')).toBe('initial_cash');
    expect(cash.getAttribute('aria-invalid')).toBe('true');
    expect(cash.getAttribute('aria-describedby')).toBe(issue.id);
    expect(launch().disabled).toBe(true);
    expect(status()).toMatch(/1 issue to fix before launch/);

    await user.clear(cash);
    await user.type(cash, '50000');
    await ready();
    expect(screen.queryByTestId('issue-initial_cash')).toBeNull();
    expect(cash.getAttribute('aria-invalid')).toBe('false');
    expect(launch().disabled).toBe(false);
  });

  it('lists every issue at once, each next to its own field, the strategy params among them', async () => {
    await ready();
    const user = userEvent.setup();
    const cash = screen.getByLabelText(/Initial cash/) as HTMLInputElement;
    await user.clear(cash);
    await user.type(cash, '-5');
    const fast = screen.getByTestId('field-strategy.params.fast') as HTMLInputElement;
    const slow = screen.getByTestId('field-strategy.params.slow') as HTMLInputElement;
    await user.clear(slow);
    await user.type(slow, '20');
    await user.clear(fast);
    await user.type(fast, '50');

    const cashIssue = await screen.findByTestId('issue-initial_cash');
    const fastIssue = await screen.findByTestId('issue-strategy.params.fast');
    expect(cashIssue.closest('[data-field]')?.getAttribute('data-field')).toBe('initial_cash');
    expect(fastIssue.closest('[data-field]')?.getAttribute('data-field')).toBe('strategy.params.fast');
    expect(fastIssue.textContent).toContain('fast must be less than slow');
    expect(fast.getAttribute('aria-invalid')).toBe('true');
    expect(status()).toMatch(/2 issues to fix before launch/);
  });

  it('keeps Launch disabled while the edited spec is being checked', async () => {
    await ready();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Name/), ' x');
    expect(status()).toContain('Checking');
    expect(launch().disabled).toBe(true);
    await ready();
  });
});
