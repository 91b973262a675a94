import type { Bar } from '../data/BarSeries';
import type { StreamBar } from '../domain/streamBar';


/** When a daily session decides: a time of day on the exchange's clock. */
export interface DecisionTime {
  hour: number;
  minute: number;
  timeZone: string;
}

function merge(into: Bar | null, b: StreamBar, ts: number): Bar {
  if (into === null) return { ts, open: b.open, high: b.high, low: b.low, close: b.close, volume: b.volume };
  into.high = Math.max(into.high, b.high);
  into.low = Math.min(into.low, b.low);
  into.close = b.close;
  into.volume += b.volume;
  return into;
}

/**
 * The exchange's calendar date and minute of day of `t`, in `timeZone`. One formatter per zone:
 * building them is the expensive part.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function local(t: number, timeZone: string): { day: number; minute: number } {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  const part: Record<string, number> = {};
  for (const p of f.formatToParts(t)) if (p.type !== 'literal') part[p.type] = Number(p.value);
  return { day: Date.UTC(part.year, part.month - 1, part.day), minute: part.hour * 60 + part.minute + part.second / 60 };
}

/**
 * Turns one symbol's stream bars into bars of the session's size, each given out once it is complete:
 * - intraday (`barSeconds` below a day): buckets aligned to the epoch; a bucket is complete when a
 *   stream bar reaches its end, or when a bar of a later bucket arrives (a gap in the stream);
 * - daily: the exchange day so far, given out at the decision time (stamped 00:00 UTC of its date,
 *   as daily data is). A day whose first bar arrives after the decision time is given out with it;
 *   the rest of a day that was given out is not part of any bar.
 */
export class BarAggregator {
  private current: Bar | null = null;
  private bucket = Number.NaN;
  private lastDayOut = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly barSeconds: number,
    private readonly decision: DecisionTime | null,
    private readonly emit: (bar: Bar) => void,
  ) {
    if (!(barSeconds > 0)) throw new Error(`bar size must be positive, got ${barSeconds} s`);
    if (barSeconds >= 86_400 && barSeconds !== 86_400) throw new Error(`bars longer than a day are not formed live (got ${barSeconds} s)`);
    if (barSeconds === 86_400 && decision === null) throw new Error('daily bars need a decision time');
  }

  push(b: StreamBar): void {
    if (this.barSeconds === 86_400) this.pushDaily(b);
    else this.pushIntraday(b);
  }

  private pushIntraday(b: StreamBar): void {
    const size = this.barSeconds * 1000;
    const bucket = Math.floor(b.time / size) * size;
    if (bucket < this.bucket) return;
    if (bucket !== this.bucket) this.flush();
    this.bucket = bucket;
    this.current = merge(this.current, b, bucket);
    if (b.time + b.seconds * 1000 >= bucket + size) this.flush();
  }

  private pushDaily(b: StreamBar): void {
    const d = this.decision as DecisionTime;
    const start = local(b.time, d.timeZone);
    if (start.day <= this.lastDayOut) return;
    if (start.day !== this.bucket) {
      this.current = null;
      this.bucket = start.day;
    }
    const at = d.hour * 60 + d.minute;
    const end = local(b.time + b.seconds * 1000, d.timeZone);
    // A bar that starts after the decision time still counts when nothing of the day was given out.
    this.current = merge(this.current, b, start.day);
    if (start.minute >= at || end.day > start.day || end.minute >= at) {
      this.flush();
      this.lastDayOut = start.day;
    }
  }

  private flush(): void {
    if (this.current === null) return;
    const bar = this.current;
    this.current = null;
    this.emit(bar);
  }
}
