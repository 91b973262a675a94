import { describe, expect, it } from 'vitest';
import { seriesFromBars } from '../../data/seriesFromBars';
import { historyChanges } from './historyChanges';

const DAY = 86_400_000;
const bars = (days: number[], close = (d: number) => 10 + d) =>
  seriesFromBars('AAA', days.map((d) => ({ ts: d * DAY, open: 10, high: 20, low: 5, close: close(d), volume: 100 })));

describe('historyChanges', () => {
  it('counts bars added, changed, removed and unchanged, and the range they span', () => {
    const stored = bars([1, 2, 3, 4]);
    const download = bars([3, 4, 5, 6], (d) => (d === 4 ? 99 : 10 + d));
    expect(historyChanges(stored, download)).toEqual({ added: 2, changed: 1, removed: 2, unchanged: 1, firstChangeTs: 1 * DAY, lastChangeTs: 6 * DAY });
  });

  it('finds nothing to change in the same bars', () => {
    expect(historyChanges(bars([1, 2]), bars([1, 2]))).toEqual({ added: 0, changed: 0, removed: 0, unchanged: 2, firstChangeTs: null, lastChangeTs: null });
  });

  it('sees a changed volume alone as a change', () => {
    const stored = bars([1]);
    const download = seriesFromBars('AAA', [{ ts: DAY, open: 10, high: 20, low: 5, close: 11, volume: 101 }]);
    expect(historyChanges(stored, download)).toMatchObject({ changed: 1, unchanged: 0, firstChangeTs: DAY, lastChangeTs: DAY });
  });
});
