/**
 * Polls until `probe` returns something other than undefined or false (or stops throwing), for
 * conditions that arrive by events or over sockets; tests wait this way rather than sleep.
 */
export async function eventually<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 3000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    let last: unknown = null;
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) {
      const why = last instanceof Error ? `: ${last.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}
