import { MS_PER_DAY, tradingDay } from '../../data/tradingDay';

/**
 * An intraday volume profile: each time of day's share of a day's volume, averaged over past
 * days. Bars are bucketed by their time of day; a time no past day traded has no share.
 */
export class VolumeProfile {
  private constructor(private readonly share: ReadonlyMap<number, number>) {}

  /**
   * From the bars stamped `ts` with `volume` (oldest first), over the last `days` trading days
   * before `before`'s day: only days complete when the window starts, so nothing of the window's
   * own day is read.
   */
  static learn(ts: ArrayLike<number>, volume: ArrayLike<number>, before: number, days: number): VolumeProfile {
    const today = tradingDay(before);
    const perDay = new Map<number, Map<number, number>>();
    for (let i = ts.length - 1; i >= 0; i--) {
      const day = tradingDay(ts[i]);
      if (day >= today) continue;
      if (!perDay.has(day)) {
        if (perDay.size === days) break;
        perDay.set(day, new Map());
      }
      const buckets = perDay.get(day) as Map<number, number>;
      const at = ts[i] - day * MS_PER_DAY;
      buckets.set(at, (buckets.get(at) ?? 0) + (Number.isFinite(volume[i]) ? volume[i] : 0));
    }
    const share = new Map<number, number>();
    for (const buckets of perDay.values()) {
      let total = 0;
      for (const v of buckets.values()) total += v;
      if (!(total > 0)) continue;
      for (const [at, v] of buckets) share.set(at, (share.get(at) ?? 0) + v / total / perDay.size);
    }
    return new VolumeProfile(share);
  }

  /** The weight of the times of day from `from` up to (not including) `to`, both on `from`'s trading day. */
  between(from: number, to: number): number {
    const day = tradingDay(from) * MS_PER_DAY;
    let sum = 0;
    for (const [at, w] of this.share) if (day + at >= from && day + at < to) sum += w;
    return sum;
  }
}
