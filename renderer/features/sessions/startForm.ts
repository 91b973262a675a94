import type { StartSessionInput } from './sessionQueries';

/** The Start session form as typed. */
export interface StartDraft {
  source: 'spec' | 'run';
  specPath: string;
  runId: string;
  broker: 'connected' | 'sim';
  /** Local simulator: its market replays the spec's data, or follows the connected broker's live bars. */
  simBars: 'replay' | 'connected';
  /** Local simulator replaying: bars per second. */
  speed: string;
  maxDailyLoss: string;
  maxPositionValue: string;
}

export const EMPTY_START: StartDraft = {
  source: 'spec',
  specPath: '',
  runId: '',
  broker: 'connected',
  simBars: 'replay',
  speed: '2',
  maxDailyLoss: '',
  maxPositionValue: '',
};

export type StartIssues = Partial<Record<'specPath' | 'runId' | 'speed' | 'maxDailyLoss' | 'maxPositionValue', string>>;

/** A positive number, or undefined when left empty; NaN when it is not one. */
function optionalPositive(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const v = Number(t);
  return Number.isFinite(v) && v > 0 ? v : Number.NaN;
}

/** The engine's `sessions.start` input the form asks for, or what to fix first (shown under each field). */
export function startRequest(d: StartDraft): { input: StartSessionInput; issues: null } | { input: null; issues: StartIssues } {
  const issues: StartIssues = {};
  const input: StartSessionInput = { broker: d.broker, speed: 2 };
  if (d.source === 'spec') {
    if (d.specPath.trim() === '') issues.specPath = 'the spec file to run (absolute, or relative to the app’s folder)';
    else input.specPath = d.specPath.trim();
  } else if (d.runId === '') issues.runId = 'pick a completed backtest';
  else input.runId = d.runId;
  if (d.broker === 'sim') input.simBars = d.simBars;
  if (d.broker === 'sim' && d.simBars === 'replay') {
    const speed = Number(d.speed.trim());
    if (d.speed.trim() === '' || !Number.isFinite(speed) || speed <= 0 || speed > 1000) issues.speed = 'bars per second, above 0 and at most 1000';
    else input.speed = speed;
  }
  const loss = optionalPositive(d.maxDailyLoss);
  if (Number.isNaN(loss)) issues.maxDailyLoss = 'a positive amount, or empty for none';
  else if (loss !== undefined) input.maxDailyLoss = loss;
  const value = optionalPositive(d.maxPositionValue);
  if (Number.isNaN(value)) issues.maxPositionValue = 'a positive amount, or empty for none';
  else if (value !== undefined) input.maxPositionValue = value;
  return Object.keys(issues).length > 0 ? { input: null, issues } : { input, issues: null };
}
