/**
 * Where the backtest worker's program is: beside the bundle when built (scripts/build.mjs emits
 * backtestWorker.mjs next to every entry that runs a host), or its TypeScript source through tsx.
 */
export function backtestWorkerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('./boot.mjs', here) : new URL('./backtestWorker.mjs', here);
}
