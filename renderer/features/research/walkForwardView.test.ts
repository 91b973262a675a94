import { describe, expect, it } from 'vitest';
import { walkForwardDetail } from '../../testing/researchFixtures';
import { efficiencyReading, walkChartRows } from './walkForwardView';

describe('efficiencyReading', () => {
  it('reads the usual bands: losing, fitted, carried forward, suspiciously good', () => {
    expect(efficiencyReading(-0.3).tone).toBe('neg');
    expect(efficiencyReading(0.3)).toEqual({ tone: 'warn', text: 'Out-of-sample kept 30 % of the in-sample return: most of the in-sample edge looks fitted.' });
    expect(efficiencyReading(0.75).tone).toBe('pos');
    expect(efficiencyReading(1.4).text).toMatch(/^Out-of-sample beat in-sample/);
    expect(efficiencyReading(null).text).toMatch(/^Not defined/);
  });
});

describe('walkChartRows', () => {
  it('puts the stitched curve and each window’s in-sample curve on one time axis', () => {
    const d = walkForwardDetail();
    const rows = walkChartRows(d);
    const ts = rows.map((r) => r.t);
    expect(ts).toEqual([...ts].sort((a, b) => a - b));
    expect(new Set(ts).size).toBe(ts.length);
    const first = rows[0];
    expect(first).toEqual({ t: d.windows[0].inSampleStart, is0: 10_000 });
    const oosStart = rows.find((r) => r.t === d.windows[0].outOfSampleStart);
    expect(oosStart?.oos).toBe(10_000);
    expect(rows.filter((r) => r.oos !== undefined)).toHaveLength(d.stitched.ts.length);
  });
});
