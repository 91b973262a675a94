import { describe, expect, it } from 'vitest';
import type { WindowPlan } from '../../ipc/contract/research';
import { walkWindows, WindowPlanError, type WalkWindow } from './windows';

const DAY = 86_400_000;
/** n sessions, one a day from a stamp: session i is i. */
const days = (n: number, from = Date.UTC(2020, 0, 1)): number[] => Array.from({ length: n }, (_, i) => from + i * DAY);
const plan = (p: Partial<WindowPlan>): WindowPlan => ({ mode: 'rolling', unit: 'sessions', inSample: 10, outOfSample: 5, ...p });
/** A window as positions in `s`, easier to read than stamps. */
const at = (s: number[], w: WalkWindow): number[] => [w.inSampleStart, w.inSampleEnd, w.outOfSampleStart, w.outOfSampleEnd].map((t) => s.indexOf(t));
const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);

describe('walkWindows in sessions', () => {
  it('rolls a fixed in-sample by the out-of-sample length, out-of-sample periods back to back, the last one cut at the end', () => {
    const s = days(32);
    const w = walkWindows(s, plan({}));
    expect(w.map((x) => at(s, x))).toEqual([
      [0, 9, 10, 14],
      [5, 14, 15, 19],
      [10, 19, 20, 24],
      [15, 24, 25, 29],
      [20, 29, 30, 31],
    ]);
    expect(w.map((x) => x.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('anchors the in-sample at the first session and grows it', () => {
    const s = days(25);
    expect(walkWindows(s, plan({ mode: 'anchored' })).map((x) => at(s, x))).toEqual([
      [0, 9, 10, 14],
      [0, 14, 15, 19],
      [0, 19, 20, 24],
    ]);
  });

  it('with a step longer than the out-of-sample, leaves sessions between out-of-sample periods', () => {
    const s = days(30);
    expect(walkWindows(s, plan({ step: 8 })).map((x) => at(s, x))).toEqual([
      [0, 9, 10, 14],
      [8, 17, 18, 22],
      [16, 25, 26, 29],
    ]);
  });

  it('keeps a last out-of-sample of a single session', () => {
    const s = days(16);
    expect(walkWindows(s, plan({})).map((x) => at(s, x))).toEqual([
      [0, 9, 10, 14],
      [5, 14, 15, 15],
    ]);
  });

  it('refuses a step shorter than the out-of-sample: the stitched curve needs disjoint periods', () => {
    expect(() => walkWindows(days(100), plan({ step: 4 }))).toThrow(/step \(4 sessions\) is shorter than the out-of-sample length \(5\)/);
  });

  it('names the session count and what the plan needs when no window fits', () => {
    expect(() => walkWindows(days(10), plan({}))).toThrow(new WindowPlanError('the data has 10 sessions; the plan needs 11 (10 in-sample sessions and at least one out-of-sample session after them)'));
    expect(() => walkWindows([], plan({}))).toThrow(WindowPlanError);
  });
});

describe('walkWindows in months', () => {
  // Weekdays of 2021-01-13 .. 2021-07-09: January is partial, the data ends inside July.
  const weekdays = days(178, Date.UTC(2021, 0, 13)).filter((t) => new Date(t).getUTCDay() % 6 !== 0);

  it('cuts at calendar month boundaries by UTC date; the partial first month counts as one, the last out-of-sample is cut at the end', () => {
    const w = walkWindows(weekdays, plan({ unit: 'months', inSample: 2, outOfSample: 1 }));
    expect(w.map((x) => [iso(x.inSampleStart), iso(x.inSampleEnd), iso(x.outOfSampleStart), iso(x.outOfSampleEnd)])).toEqual([
      ['2021-01-13', '2021-02-26', '2021-03-01', '2021-03-31'],
      ['2021-02-01', '2021-03-31', '2021-04-01', '2021-04-30'],
      ['2021-03-01', '2021-04-30', '2021-05-03', '2021-05-31'],
      ['2021-04-01', '2021-05-31', '2021-06-01', '2021-06-30'],
      ['2021-05-03', '2021-06-30', '2021-07-01', '2021-07-09'],
    ]);
  });

  it('anchored with a two-month step and out-of-sample', () => {
    const w = walkWindows(weekdays, plan({ mode: 'anchored', unit: 'months', inSample: 3, outOfSample: 2 }));
    expect(w.map((x) => [iso(x.inSampleStart), iso(x.inSampleEnd), iso(x.outOfSampleStart), iso(x.outOfSampleEnd)])).toEqual([
      ['2021-01-13', '2021-03-31', '2021-04-01', '2021-05-31'],
      ['2021-01-13', '2021-05-31', '2021-06-01', '2021-07-09'],
    ]);
  });

  it('counts a month without sessions, and leaves out a window whose out-of-sample falls in the gap', () => {
    // Sessions in January, February, April and May: March is a gap.
    const s = [Date.UTC(2022, 0, 10), Date.UTC(2022, 1, 10), Date.UTC(2022, 3, 11), Date.UTC(2022, 4, 10)];
    const w = walkWindows(s, plan({ unit: 'months', inSample: 2, outOfSample: 1 }));
    // January-February would be tested on March, which has no session; February-March (February's one session) on April.
    expect(w.map((x) => [x.index, iso(x.inSampleStart), iso(x.inSampleEnd), iso(x.outOfSampleStart), iso(x.outOfSampleEnd)])).toEqual([
      [0, '2022-02-10', '2022-02-10', '2022-04-11', '2022-04-11'],
      [1, '2022-04-11', '2022-04-11', '2022-05-10', '2022-05-10'],
    ]);
  });

  it('names the months the data spans when no window fits', () => {
    expect(() => walkWindows(weekdays, plan({ unit: 'months', inSample: 7, outOfSample: 1 }))).toThrow(
      'the data spans 7 calendar months (2021-01 to 2021-07); the plan needs 8 (7 in-sample months and at least one out-of-sample session after them)',
    );
  });
});
