const DAY = 86_400_000;
const HOUR = 3_600_000;

/** How long a round trip was held: calendar time and sessions, "23 d · 17 bars"; an open trip says so. */
export function fmtHolding(entryTs: number, exitTs: number | null, barsHeld: number | null): string {
  if (exitTs === null) return barsHeld === null ? 'open' : `open · ${barsHeld} bars`;
  const ms = Math.max(0, exitTs - entryTs);
  const span = ms >= DAY ? `${Math.round(ms / DAY)} d` : ms >= HOUR ? `${Math.round(ms / HOUR)} h` : `${Math.round(ms / 60_000)} min`;
  return barsHeld === null ? span : `${span} · ${barsHeld} ${barsHeld === 1 ? 'bar' : 'bars'}`;
}
