import { describe, expect, it } from 'vitest';
import type { StreamBar } from '../domain/streamBar';
import { BarFanOut } from './barFanOut';

interface TestError {
  code: number | null;
  text: string;
}

const T0 = Date.UTC(2024, 2, 1, 14, 30);
const bar = (minute: number, close = 10.5): StreamBar => ({ time: T0 + minute * 60_000, seconds: 60, open: 10, high: 11, low: 9, close, volume: 100 });

function setup() {
  const log: string[] = [];
  const fan = new BarFanOut<TestError>('AAA', 'minute bar', (level, text) => log.push(`${level}: ${text}`));
  return { fan, log };
}

describe('BarFanOut', () => {
  it('drops an older or repeated bar and says why, without logging it itself', () => {
    const { fan, log } = setup();
    const got: number[] = [];
    fan.add({ bar: (b) => got.push(b.time) });
    expect(fan.deliver(bar(1))).toBeNull();
    expect(fan.deliver(bar(1))).toBe('dropped a minute bar of AAA at 2024-03-01T14:31:00.000Z: not after the last one (2024-03-01T14:31:00.000Z)');
    expect(fan.deliver(bar(0))).toBe('dropped a minute bar of AAA at 2024-03-01T14:30:00.000Z: not after the last one (2024-03-01T14:31:00.000Z)');
    expect(fan.deliver(bar(2))).toBeNull();
    expect(got).toEqual([bar(1).time, bar(2).time]);
    expect(log).toEqual([]);
  });

  it('hands each listener its own copy of the bar', () => {
    const { fan } = setup();
    const sent = bar(1);
    const got: StreamBar[] = [];
    fan.add({
      bar: (b) => {
        got.push(b);
        b.close = 99;
      },
    });
    fan.add({ bar: (b) => got.push(b) });
    fan.deliver(sent);
    expect(got).toHaveLength(2);
    expect(got[0]).not.toBe(got[1]);
    expect(got[0]).not.toBe(sent);
    expect(got[1]).toEqual(bar(1));
    expect(sent).toEqual(bar(1));
  });

  it('logs a throwing listener and still hands the bar to the others', () => {
    const { fan, log } = setup();
    const got: string[] = [];
    fan.add({ bar: () => got.push('first') });
    fan.add({
      bar: () => {
        throw new Error('boom');
      },
    });
    fan.add({ bar: () => got.push('third') });
    fan.deliver(bar(1));
    expect(got).toEqual(['first', 'third']);
    expect(log).toEqual(['error: a minute bar listener of AAA failed: boom']);
  });

  it('tells every error callback (a copy each), logging one that throws', () => {
    const { fan, log } = setup();
    const errors: TestError[] = [];
    fan.add({
      bar: () => undefined,
      error: (e) => {
        errors.push(e);
        e.text = 'changed';
      },
    });
    fan.add({ bar: () => undefined });
    fan.add({
      bar: () => undefined,
      error: () => {
        throw new Error('boom');
      },
    });
    fan.add({ bar: () => undefined, error: (e) => errors.push(e) });
    const error = { code: 354, text: 'no permission' };
    fan.fail(error);
    expect(errors).toEqual([{ code: 354, text: 'changed' }, { code: 354, text: 'no permission' }]);
    expect(errors[0]).not.toBe(errors[1]);
    expect(error).toEqual({ code: 354, text: 'no permission' });
    expect(log).toEqual(['error: a minute bar error listener of AAA failed: boom']);
  });

  it('says when the last listener is removed', () => {
    const { fan } = setup();
    const a = { bar: () => undefined };
    const b = { bar: () => undefined };
    fan.add(a);
    fan.add(b);
    expect(fan.remove(a)).toBe(false);
    expect(fan.remove(b)).toBe(true);
  });
});
