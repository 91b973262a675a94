/** A stamp as the CLI and messages show it: the date alone at midnight UTC, else date and time. */
export function isoStamp(ts: number): string {
  const iso = new Date(ts).toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.endsWith('.000Z') ? iso.slice(0, 19).replace('T', ' ') : iso.slice(0, 23).replace('T', ' ');
}
