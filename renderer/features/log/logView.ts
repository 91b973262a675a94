/** The level filter's choices: each shows that level and the ones above it. */
export const LEVEL_CHOICES = ['debug', 'info', 'warn', 'error'] as const;
export type LevelChoice = (typeof LEVEL_CHOICES)[number];

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A line's time in the viewer's zone, to the millisecond: 2026-12-07 09:14:03.207. */
export function logTime(ts: number): string {
  const d = new Date(ts);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
  );
}
