import { describe, expect, it } from 'vitest';
import { EMPTY_START, startRequest } from './startForm';

describe('the Start session form', () => {
  it('asks the engine for a spec file on the connected broker, with the limits given', () => {
    expect(startRequest({ ...EMPTY_START, specPath: '  /tmp/forward.yaml ', maxDailyLoss: '2000' })).toEqual({
      input: { specPath: '/tmp/forward.yaml', broker: 'connected', speed: 2, maxDailyLoss: 2000 },
      issues: null,
    });
  });

  it('asks for a completed run on the local simulator at the speed typed', () => {
    expect(startRequest({ ...EMPTY_START, source: 'run', runId: 'r1', broker: 'sim', speed: '25', maxPositionValue: '50000' })).toEqual({
      input: { runId: 'r1', broker: 'sim', simBars: 'replay', speed: 25, maxPositionValue: 50_000 },
      issues: null,
    });
  });

  it('names each field to fix instead of asking', () => {
    expect(startRequest(EMPTY_START)).toEqual({ input: null, issues: { specPath: expect.stringContaining('spec file') } });
    expect(startRequest({ ...EMPTY_START, source: 'run', broker: 'sim', speed: '0', maxDailyLoss: '-5', maxPositionValue: 'lots' }).issues).toEqual({
      runId: 'pick a completed backtest',
      speed: 'bars per second, above 0 and at most 1000',
      maxDailyLoss: 'a positive amount, or empty for none',
      maxPositionValue: 'a positive amount, or empty for none',
    });
    // The speed only matters on the simulator replaying the spec's data.
    expect(startRequest({ ...EMPTY_START, specPath: 'a.yaml', speed: 'x' }).issues).toBeNull();
    expect(startRequest({ ...EMPTY_START, specPath: 'a.yaml', broker: 'sim', simBars: 'connected', speed: 'x' })).toEqual({
      input: { specPath: 'a.yaml', broker: 'sim', simBars: 'connected', speed: 2 },
      issues: null,
    });
  });
});
