/**
 * Where the sweep pool's worker program is: beside the bundle when built (scripts/build.mjs and cliBundle.mjs
 * emit sweepWorker.mjs next to every entry that runs sweeps), or its TypeScript source through tsx.
 */
export function sweepWorkerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('./boot.mjs', here) : new URL('./sweepWorker.mjs', here);
}
