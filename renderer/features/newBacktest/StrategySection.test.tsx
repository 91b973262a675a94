// @vitest-environment happy-dom
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StrategyModuleInfo } from '../../../core/ipc/contract/backtests';
import { ApiError } from '../../../core/ipc/errors';
import { defaultSpec, specIssues, strategyInfos } from '../../../core/service/backtests/specForm';
import { useDraftStore } from '../../stores/draftStore';
import { createFakeEngine, type FakeEngine } from '../../testing/fakeEngine';
import { renderWithApi } from '../../testing/renderWithApi';
import { NewBacktestScreen } from './NewBacktestScreen';

/** The params of a strategy object as the engine describes them (z.toJSONSchema, io: input). */
const WITH_SCHEMA: Omit<StrategyModuleInfo, 'file'> = {
  kind: 'object',
  paramsSchema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      lookback: { default: 20, type: 'integer', minimum: 2, maximum: 9007199254740991 },
      mode: { default: 'long_only', type: 'string', enum: ['long_only', 'long_short'] },
    },
  },
  defaults: { lookback: 20, mode: 'long_only' },
};

// The form behind the real router, with the engine's own validation against real files (it checks
// that the module exists) and a describeModule answering per file as the engine would.
describe('the strategy section with a strategy module', () => {
  let dir: string;
  let engine: FakeEngine;
  const described: Record<string, Omit<StrategyModuleInfo, 'file'> | string> = {};

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tradedesk-form-module-'));
    for (const name of ['with-schema.ts', 'function.ts', 'broken.ts']) writeFileSync(path.join(dir, name), '');
    described['with-schema.ts'] = WITH_SCHEMA;
    described['function.ts'] = { kind: 'function', paramsSchema: null, defaults: {} };
    described['broken.ts'] = `strategy module ${path.join(dir, 'broken.ts')} could not be loaded: Unexpected "{"`;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeEach(() => {
    useDraftStore.setState({ spec: null, origin: null });
    engine = createFakeEngine({
      'backtests.defaults': () => ({ spec: defaultSpec() }),
      'strategies.list': () => strategyInfos(),
      'backtests.validate': ({ spec }) => ({ issues: specIssues(spec, dir) }),
      'strategies.describeModule': ({ path: modulePath }) => {
        const file = path.resolve(dir, modulePath);
        const answer = described[path.relative(dir, file)];
        if (answer === undefined) throw new ApiError('BAD_INPUT', `no such file: ${file}`);
        if (typeof answer === 'string') throw new ApiError('BAD_INPUT', answer);
        return { file, ...answer };
      },
      'backtests.launch': ({ spec }) => ({
        jobId: 'j1',
        name: String(spec.name),
        state: 'queued',
        runId: null,
        done: 0,
        total: 0,
        etaMs: null,
        error: null,
        queuedAt: 0,
      }),
      'data.series': () => [],
    });
    renderWithApi(<NewBacktestScreen from={null} />, engine.client);
  });
  afterEach(() => {
    cleanup();
    expect(engine.contractErrors).toEqual([]);
    expect(engine.unserved).toEqual([]);
  });

  const status = (): string => screen.getByTestId('validation-status').textContent ?? '';
  const launch = (): HTMLButtonElement => screen.getByTestId('launch');

  /** Picks "Strategy module…" and types the path. */
  async function typeModule(modulePath: string): Promise<void> {
    await waitFor(() => expect(status()).toContain('Ready to launch'));
    const user = userEvent.setup();
    await user.selectOptions(screen.getByTestId('field-strategy.name'), '__module__');
    await user.type(screen.getByTestId('field-strategy.module'), modulePath);
  }

  it("draws the module's params from its schema, filled with its defaults, and launches with them", async () => {
    await typeModule('with-schema.ts');
    const lookback = (await screen.findByTestId('field-strategy.params.lookback')) as HTMLInputElement;
    await waitFor(() => expect(lookback.value).toBe('20'));
    expect((screen.getByTestId('field-strategy.params.mode') as HTMLSelectElement).value).toBe('long_only');
    // The generated fields replace the JSON editor.
    expect(screen.queryByTestId('field-strategy.params')).toBeNull();
    // Asked once typing paused, not once per key.
    expect(engine.inputsOf('strategies.describeModule')).toEqual([{ path: 'with-schema.ts' }]);

    const user = userEvent.setup();
    await user.clear(lookback);
    await user.type(lookback, '35');
    await waitFor(() => expect(status()).toContain('Ready to launch'));
    await user.click(launch());
    await waitFor(() => expect(engine.inputsOf('backtests.launch')).toHaveLength(1));
    expect(engine.inputsOf('backtests.launch')[0].spec.strategy).toEqual({ module: 'with-schema.ts', params: { lookback: 35, mode: 'long_only' } });
  });

  it('keeps the JSON params editor for a module without a params schema, and says why', async () => {
    await typeModule('function.ts');
    await waitFor(() => expect(screen.getByTestId('field-strategy.params').closest('[data-field]')?.textContent).toContain('declares no params schema'));
    expect(screen.queryByTestId('field-strategy.params.lookback')).toBeNull();
    await waitFor(() => expect(status()).toContain('Ready to launch'));
  });

  it("shows why the module cannot be used under its path, once, and blocks the launch", async () => {
    await typeModule('broken.ts');
    const issue = await screen.findByTestId('issue-strategy.module');
    expect(issue.textContent).toBe(`strategy module ${path.join(dir, 'broken.ts')} could not be loaded: Unexpected "{"`);
    expect(issue.closest('[data-field]')?.getAttribute('data-field')).toBe('strategy.module');
    expect(screen.getByTestId('field-strategy.params')).toBeTruthy();
    await waitFor(() => expect(status()).toMatch(/1 issue to fix before launch/));
    expect(launch().disabled).toBe(true);

    // A missing file: the validation and the module's description say the same, shown once.
    const user = userEvent.setup();
    await user.clear(screen.getByTestId('field-strategy.module'));
    await user.type(screen.getByTestId('field-strategy.module'), 'missing.ts');
    await waitFor(() => expect(screen.getByTestId('issue-strategy.module').textContent).toBe(`no such file: ${path.join(dir, 'missing.ts')}`));
    await waitFor(() => expect(status()).toMatch(/1 issue to fix before launch/));
  });
});
