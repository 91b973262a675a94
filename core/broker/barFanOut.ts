import type { StreamBar } from '../domain/streamBar';

/** One subscriber to a symbol's bars: its bar callback and, optionally, where failures of the stream go. */
export interface BarListener<E extends object> {
  bar: (bar: StreamBar) => void;
  error?: (error: E) => void;
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * One symbol's bar listeners, shared by the broker adapters' streams (IB's real-time bars, Alpaca's
 * minute bars). Bars go out in time order, one copy per listener so that none can change another's;
 * a listener that throws is logged and the others still get the bar. `E` is the adapter's error type.
 */
export class BarFanOut<E extends object> {
  private readonly listeners = new Set<BarListener<E>>();
  /** Start (epoch ms) of the last bar handed on: an older or repeated one is never handed on again. */
  private lastTime = Number.NEGATIVE_INFINITY;

  /** `noun` names the bars in log lines (e.g. 'real-time bar', 'minute bar'). */
  constructor(
    private readonly symbol: string,
    private readonly noun: string,
    private readonly log: (level: 'error', text: string) => void,
  ) {}

  add(listener: BarListener<E>): void {
    this.listeners.add(listener);
  }

  /** True when no listener is left (the stream can be ended). */
  remove(listener: BarListener<E>): boolean {
    this.listeners.delete(listener);
    return this.listeners.size === 0;
  }

  /**
   * Hands a copy of the bar to every listener; a bar not after the last one handed on is dropped and
   * the reason returned (null when handed on), for the caller to log with what it knows of the stream.
   */
  deliver(bar: StreamBar): string | null {
    if (bar.time <= this.lastTime) {
      return `dropped a ${this.noun} of ${this.symbol} at ${new Date(bar.time).toISOString()}: not after the last one (${new Date(this.lastTime).toISOString()})`;
    }
    this.lastTime = bar.time;
    // A copy of the set: a listener may unsubscribe (or subscribe another) from its callback.
    for (const l of [...this.listeners]) {
      try {
        l.bar({ ...bar });
      } catch (err) {
        this.log('error', `a ${this.noun} listener of ${this.symbol} failed: ${messageOf(err)}`);
      }
    }
    return null;
  }

  /** Tells every listener's error callback (a copy each) that the stream failed. */
  fail(error: E): void {
    for (const l of [...this.listeners]) {
      try {
        l.error?.({ ...error });
      } catch (err) {
        this.log('error', `a ${this.noun} error listener of ${this.symbol} failed: ${messageOf(err)}`);
      }
    }
  }
}
