import { describe, expect, it } from 'vitest';
import { BAR0, sessionDetail, sessionSummary } from '../../testing/sessionFixtures';
import { connectedState, tradingState } from '../../testing/tradingFixtures';
import {
  actionDetail,
  confirmText,
  connectedBroker,
  fillMatch,
  fmtBarTime,
  fmtBps,
  fmtShare,
  latencyText,
  needsConfirm,
  sessionControls,
  summaryTiles,
} from './sessionView';

describe('session commands', () => {
  it('offers pause, stop and flatten to a running session, resume instead of pause once paused', () => {
    expect(sessionControls(sessionSummary())).toEqual({ pause: true, resume: false, stop: true, flatten: true, hint: null });
    expect(sessionControls(sessionSummary({ state: 'paused' }))).toEqual({ pause: false, resume: true, stop: true, flatten: true, hint: null });
  });

  it('offers only stop to a session waiting for its broker, and nothing to an ended one', () => {
    const waiting = sessionControls(sessionSummary({ attached: false }));
    expect(waiting).toMatchObject({ pause: false, resume: false, stop: true, flatten: false });
    expect(waiting.hint).toContain('connect to it on the Trading screen');
    for (const state of ['stopped', 'failed'] as const) {
      expect(sessionControls(sessionSummary({ state }))).toEqual({ pause: false, resume: false, stop: false, flatten: false, hint: null });
    }
  });

  it('asks before flattening, and before anything a LIVE session is told', () => {
    const paper = sessionSummary();
    expect(['pause', 'resume', 'stop', 'flatten'].map((a) => needsConfirm(paper, a as never))).toEqual([false, false, false, true]);
    const live = sessionSummary({ mode: 'LIVE' });
    expect(['pause', 'resume', 'stop', 'flatten'].every((a) => needsConfirm(live, a as never))).toBe(true);
    expect(confirmText(live, 'stop').body).toContain('LIVE session: it trades real money');
    expect(confirmText(paper, 'flatten')).toEqual({
      title: 'Flatten & stop “goog-forward”?',
      body: 'It cancels its working orders, sends market orders closing every position it holds, then stops for good.',
    });
  });
});

describe('session formatting', () => {
  it('shows a daily bar as its date and an intraday bar with its UTC time', () => {
    expect(fmtBarTime(BAR0)).toBe('2013-03-01');
    expect(fmtBarTime(BAR0 + (14 * 60 + 35) * 60_000)).toBe('2013-03-01 14:35 UTC');
    expect(fmtBarTime(null)).toBe('—');
  });

  it('writes bps, shares and the known latency legs', () => {
    expect(fmtBps(7.456)).toBe('7.5 bps');
    expect(fmtBps(-0.25, 2)).toBe('−0.25 bps');
    expect(fmtShare(0.975)).toBe('97.5 %');
    expect(fmtShare(null)).toBe('—');
    expect(latencyText({ ackMs: 120, fillMs: 340 })).toBe('sent → ack 120 ms → fill 340 ms');
    expect(latencyText({ ackMs: null, fillMs: 1500 })).toBe('sent → fill 2 s');
    expect(latencyText({ submitMs: 3, ackMs: 120, fillMs: 340 })).toBe('decision → sent 3 ms → ack 120 ms → fill 340 ms');
    expect(latencyText({ ackMs: null, fillMs: null })).toBe('—');
  });

  it('tells identical fills (to the cent, commission included) from different and one-sided ones', () => {
    const [same, differs, backtestOnly] = sessionDetail().fills;
    expect([fillMatch(same), fillMatch(differs), fillMatch(backtestOnly)]).toEqual(['identical', 'different', 'backtest-only']);
    expect(fillMatch({ ...same, backtest: { ...same.live!, commission: 1.2 } })).toBe('different');
    expect(fillMatch({ ...same, backtest: { ...same.live!, price: 400.304 } })).toBe('identical');
    expect(fillMatch({ ...same, backtest: null })).toBe('live-only');
  });

  it('reads an action’s JSON detail with its reason first', () => {
    expect(actionDetail('{"equity":97900.5,"reason":"daily loss","orders":2}')).toBe('reason: daily loss, equity: 97,900.50, orders: 2');
    expect(actionDetail('not json')).toBe('not json');
    expect(actionDetail(null)).toBe('');
  });

  it('builds the summary figures from the engine’s, costs red when positive', () => {
    const tiles = Object.fromEntries(summaryTiles(sessionDetail()).map((t) => [t.id, t]));
    expect(tiles.fills.value).toBe('2 / 3');
    expect(tiles.identical.value).toBe('1');
    expect(tiles['fill-rate'].value).toBe('100.0 %');
    expect(tiles['rejection-rate']).toMatchObject({ value: '0.0 %', tone: '' });
    expect(tiles.shortfall).toMatchObject({ value: '9.1 bps', tone: 'neg', raw: 9.1 });
    expect(tiles['slip-backtest'].value).toBe('2.4 bps');
    expect(tiles.ack.value).toBe('120 ms');
    expect(tiles['fill-latency'].value).toBe('420 ms');
    expect(tiles.pnl).toMatchObject({ value: '+250.50', tone: 'pos' });
  });
});

describe('the connected broker', () => {
  it('says where a ready connection points and its mode, or what to do first', () => {
    expect(connectedBroker(connectedState())).toEqual({ ready: true, live: false, text: '127.0.0.1:7497 · client 4 · PAPER' });
    expect(connectedBroker(connectedState({ mode: 'LIVE' }))).toMatchObject({ ready: true, live: true });
    expect(connectedBroker(tradingState())).toMatchObject({ ready: false, text: expect.stringContaining('connect to a broker on the Trading screen') });
    const reconnecting = tradingState({ connection: { ...connectedState().connection, state: 'reconnecting' } });
    expect(connectedBroker(reconnecting).text).toBe('127.0.0.1:7497 · client 4 is reconnecting: a session can start once it is ready');
  });
});
