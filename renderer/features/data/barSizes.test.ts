import { describe, expect, it } from 'vitest';
import { barSizeChoices, choiceSeconds, NATIVE, nominalSeconds, requestedBarSize } from './barSizes';

const values = (barSize: string, barSeconds: number) => barSizeChoices({ barSize, barSeconds }).map((c) => c.value);

describe('bar size choices', () => {
  it('offers a daily series its own size and the coarser calendar sizes only', () => {
    expect(values('1d', 86_400)).toEqual([NATIVE, '1w', '1mo']);
  });

  it('offers an intraday series the whole multiples of its step, then days, weeks and months', () => {
    expect(values('1m', 60)).toEqual([NATIVE, '5m', '15m', '30m', '1h', '4h', '1d', '1w', '1mo']);
    expect(values('5m', 300)).toEqual([NATIVE, '15m', '30m', '1h', '4h', '1d', '1w', '1mo']);
    expect(values('1h', 3600)).toEqual([NATIVE, '4h', '1d', '1w', '1mo']);
  });

  it('skips intraday sizes that do not divide evenly into the step', () => {
    expect(values('2h', 7200)).toEqual([NATIVE, '4h', '1d', '1w', '1mo']);
    expect(values('10m', 600)).toEqual([NATIVE, '30m', '1h', '4h', '1d', '1w', '1mo']);
  });

  it('offers ticks every minute size', () => {
    expect(values('tick', 1.013)).toEqual([NATIVE, '1m', '5m', '15m', '30m', '1h', '4h', '1d', '1w', '1mo']);
  });

  it('offers weekly and monthly series nothing they cannot be resampled to', () => {
    expect(values('1w', 604_800)).toEqual([NATIVE, '1mo']);
    expect(values('2w', 1_209_600)).toEqual([NATIVE, '1mo']);
    expect(values('1mo', 2_629_746)).toEqual([NATIVE]);
    expect(values('2d', 172_800)).toEqual([NATIVE, '1w', '1mo']);
  });

  it('labels the stored size and asks the engine for it by name', () => {
    const daily = { barSize: '1d', barSeconds: 86_400 };
    expect(barSizeChoices(daily)[0].label).toBe('1d (as stored)');
    expect(requestedBarSize(NATIVE, daily)).toBe('1d');
    expect(requestedBarSize('1w', daily)).toBe('1w');
  });

  it('knows how long a chosen bar is', () => {
    const minute = { barSize: '1m', barSeconds: 60 };
    expect(choiceSeconds(NATIVE, minute)).toBe(60);
    expect(choiceSeconds('1h', minute)).toBe(3600);
    expect(choiceSeconds('1d', minute)).toBe(86_400);
    expect(choiceSeconds('1mo', minute)).toBeGreaterThan(86_400);
  });

  it('reads bar size labels as seconds', () => {
    expect(nominalSeconds('5m')).toBe(300);
    expect(nominalSeconds('2h')).toBe(7200);
    expect(nominalSeconds('1d')).toBe(86_400);
    expect(nominalSeconds('2w')).toBe(14 * 86_400);
    expect(nominalSeconds('tick')).toBe(0);
    expect(nominalSeconds('daily')).toBeNull();
  });
});
