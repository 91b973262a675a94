import { describe, expect, it } from 'vitest';
import { VolumeProfile } from './volumeProfile';

const MIN = 60_000;
const DAY = 86_400_000;
const t0 = Date.parse('2024-03-04T09:30:00Z');

describe('VolumeProfile', () => {
  it('averages each time of day\'s share over the days before, never reading the window\'s own day', () => {
    const ts: number[] = [];
    const volume: number[] = [];
    const day = (d: number, v: number[]) => v.forEach((x, b) => (ts.push(t0 + d * DAY + b * MIN), volume.push(x)));
    day(0, [300, 100]);
    day(1, [100, 100]);
    // The window's day: a huge first bar the profile must not see.
    day(2, [1e9, 1]);
    const p = VolumeProfile.learn(ts, volume, t0 + 2 * DAY, 20);
    expect(p.between(t0 + 2 * DAY, t0 + 2 * DAY + MIN)).toBeCloseTo((0.75 + 0.5) / 2, 12);
    expect(p.between(t0 + 2 * DAY, t0 + 2 * DAY + 2 * MIN)).toBeCloseTo(1, 12);
    expect(VolumeProfile.learn(ts, volume, t0 + 2 * DAY, 1).between(t0 + 2 * DAY, t0 + 2 * DAY + MIN)).toBeCloseTo(0.5, 12);
  });
});
