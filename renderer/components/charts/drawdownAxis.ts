/** The drawdown chart's value axis: round ticks from the deepest fall to zero. */

const DD_STEPS = [1, 2, 5, 10, 20, 25, 50] as const;

/** A drawdown axis from a round depth to 0 in at most four equal steps, so the labels read -10%, -20%… */
export function drawdownAxis(minPct: number): { domain: [number, number]; ticks: number[] } {
  const depth = Math.max(0, -minPct);
  const step = DD_STEPS.find((s) => Math.ceil(depth / s) <= 4) ?? 50;
  const n = Math.max(1, Math.ceil(depth / step));
  const ticks = Array.from({ length: n + 1 }, (_, i) => (i - n) * step);
  return { domain: [-n * step, 0], ticks };
}
