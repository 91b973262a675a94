import { describe, expect, it } from 'vitest';
import { dsrReading, pboReading } from './reading';

describe('dsrReading', () => {
  it('reads 0.95 and above as very likely real', () => {
    expect(dsrReading(0.97, 1000)).toBe('DSR 0.97: the best Sharpe is very likely real after 1,000 trials');
    expect(dsrReading(0.95, 12)).toBe('DSR 0.95: the best Sharpe is very likely real after 12 trials');
  });

  it('judges the figure as shown, so 0.9496 (shown 0.95) reads as very likely and 0.9449 as not', () => {
    expect(dsrReading(0.9496, 50)).toMatch(/^DSR 0\.95: .* very likely real/);
    expect(dsrReading(0.9449, 50)).toBe('DSR 0.94: the best Sharpe is probably real after 50 trials, but short of 95% confidence');
  });

  it('reads 0.50 to 0.95 as probably real, below 0.50 as an artefact of the search', () => {
    expect(dsrReading(0.5, 200)).toBe('DSR 0.50: the best Sharpe is probably real after 200 trials, but short of 95% confidence');
    expect(dsrReading(0.42, 1000)).toBe('DSR 0.42: the best Sharpe is likely an artefact of trying 1,000 combinations');
    expect(dsrReading(0.0001, 12_870)).toBe('DSR 0.00: the best Sharpe is likely an artefact of trying 12,870 combinations');
  });

  it('writes the count of trials as toLocaleString does, thousands apart', () => {
    for (const n of [999, 1000, 12_345, 100_000, 1_234_567, 200_000]) {
      expect(dsrReading(0.42, n)).toBe(`DSR 0.42: the best Sharpe is likely an artefact of trying ${n.toLocaleString('en-US')} combinations`);
    }
    expect(dsrReading(0.97, 1_234_567)).toContain('after 1,234,567 trials');
  });

  it('speaks of a single trial without a search', () => {
    expect(dsrReading(0.99, 1)).toBe('DSR 0.99: the best Sharpe is very likely real after 1 trial');
    expect(dsrReading(0.3, 1)).toBe('DSR 0.30: the Sharpe is likely luck: it is not clearly above zero');
  });

  it('says when there is nothing to judge', () => {
    expect(dsrReading(null, 100)).toBe('DSR n/a: too few returns, or returns that never vary, to judge the best Sharpe');
  });
});

describe('pboReading', () => {
  it('reads below 0.20 as usually above the median', () => {
    expect(pboReading(0.12)).toBe('PBO 0.12: the in-sample best usually stays above the median out of sample');
    expect(pboReading(0)).toBe('PBO 0.00: the in-sample best usually stays above the median out of sample');
  });

  it('reads 0.20 to 0.50 as above the median more often than not', () => {
    expect(pboReading(0.2)).toBe('PBO 0.20: the in-sample best stays above the median out of sample more often than not, but not reliably');
    expect(pboReading(0.494)).toMatch(/^PBO 0\.49: .*more often than not/);
  });

  it('reads 0.50 and above as likely overfitted', () => {
    expect(pboReading(0.5)).toBe('PBO 0.50: the in-sample best is as often below as above the median out of sample — likely overfitted');
    expect(pboReading(0.61)).toBe('PBO 0.61: the in-sample best is more often below the median out of sample — likely overfitted');
    expect(pboReading(1)).toMatch(/^PBO 1\.00: .*more often below/);
  });
});
