import type { WindowPlan } from '../../ipc/contract/research';

/** One walk-forward window: inclusive bounds, each a session stamp (epoch ms) of the data's calendar. */
export interface WalkWindow {
  index: number;
  inSampleStart: number;
  inSampleEnd: number;
  outOfSampleStart: number;
  outOfSampleEnd: number;
}

/** A plan that cannot cut the data into windows; the message says what the data has and what the plan needs. */
export class WindowPlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WindowPlanError';
  }
}

/** A month as a number that counts up by one per calendar month, from a stamp's UTC date. */
const monthOf = (ts: number): number => {
  const d = new Date(ts);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

const monthLabel = (m: number): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

/** First position in the non-decreasing `slots` whose slot is at least `slot`. */
function lowerBound(slots: Int32Array, slot: number): number {
  let lo = 0;
  let hi = slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (slots[mid] < slot) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Cuts the sessions of a spec's period (ascending stamps) into walk-forward windows.
 *
 * Both units count slots: a session is a slot (unit `sessions`), or a calendar month by the stamps' UTC dates is
 * one (unit `months`, the first slot being the month of the first session, whole or not; a month without a session
 * still counts). Window k's in-sample covers the `inSample` slots from k × step (rolling) or from the first slot,
 * growing by `step` each window (anchored); its out-of-sample is the `outOfSample` slots right after the in-sample.
 * `step` defaults to `outOfSample`.
 *
 * - The last window's out-of-sample is cut at the data's end, and kept as long as it holds one session: the
 *   stitched curve then reaches the last session.
 * - A window whose in-sample or out-of-sample months hold no session (a gap in the data) is left out; indices
 *   count the windows kept.
 * - `step` below `outOfSample` is refused: out-of-sample periods would overlap, and the stitched curve needs them
 *   disjoint. A larger step leaves sessions between out-of-sample periods that no window trades.
 */
export function walkWindows(sessions: ArrayLike<number>, plan: WindowPlan): WalkWindow[] {
  const { inSample, outOfSample } = plan;
  const step = plan.step ?? outOfSample;
  for (const [name, v] of [['inSample', inSample], ['outOfSample', outOfSample], ['step', step]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new WindowPlanError(`${name} must be a whole number of ${plan.unit} of at least 1, not ${v}`);
  }
  if (step < outOfSample) {
    throw new WindowPlanError(`the step (${step} ${plan.unit}) is shorter than the out-of-sample length (${outOfSample}): out-of-sample periods would overlap; use a step of at least ${outOfSample}`);
  }
  const n = sessions.length;
  if (n === 0) throw new WindowPlanError('the data has no session in the spec\'s period');
  const slots = new Int32Array(n);
  const firstMonth = monthOf(sessions[0]);
  for (let i = 0; i < n; i++) slots[i] = plan.unit === 'sessions' ? i : monthOf(sessions[i]) - firstMonth;
  const lastSlot = slots[n - 1];

  const windows: WalkWindow[] = [];
  for (let k = 0; ; k++) {
    const isFrom = plan.mode === 'rolling' ? k * step : 0;
    const oosFrom = (plan.mode === 'rolling' ? isFrom : k * step) + inSample;
    if (oosFrom > lastSlot) break;
    const isLo = lowerBound(slots, isFrom);
    const oosLo = lowerBound(slots, oosFrom);
    const oosHi = lowerBound(slots, oosFrom + outOfSample) - 1;
    // Both ranges are empty only across a gap in monthly data.
    if (isLo >= oosLo || oosLo > oosHi) continue;
    windows.push({
      index: windows.length,
      inSampleStart: sessions[isLo],
      inSampleEnd: sessions[oosLo - 1],
      outOfSampleStart: sessions[oosLo],
      outOfSampleEnd: sessions[oosHi],
    });
  }
  if (windows.length === 0) throw new WindowPlanError(noWindow(sessions, plan));
  return windows;
}

function noWindow(sessions: ArrayLike<number>, plan: WindowPlan): string {
  const needs = `${plan.inSample} in-sample ${plan.unit} and at least one out-of-sample session after them`;
  if (plan.unit === 'sessions') return `the data has ${sessions.length} sessions; the plan needs ${plan.inSample + 1} (${needs})`;
  const first = monthOf(sessions[0]);
  const last = monthOf(sessions[sessions.length - 1]);
  return `the data spans ${last - first + 1} calendar months (${monthLabel(first)} to ${monthLabel(last)}); the plan needs ${plan.inSample + 1} (${needs})`;
}
