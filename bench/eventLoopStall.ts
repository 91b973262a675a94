import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createHost } from '../core/host/createHost';
import { ApiClient } from '../core/ipc/client';
import { createInProcessTransport } from '../core/ipc/inProcessTransport';
import { countRunRows } from '../core/store/queries';

const SYMBOLS = 500;
const YEARS = 20;
const MS_PER_NS = 1e-6;

/**
 * Records a 500-symbol x 20-year daily run through the engine host (an order for every symbol every
 * session, as in workload (b)), then exports it (report, trades, orders, fills), loads a price chart and
 * deletes it through the router while monitorEventLoopDelay records the host thread's event loop.
 * The worst stall is how long a trading event or the kill switch could have waited meanwhile.
 */
export async function run(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tradedesk-bench-stall-'));
  const host = await createHost({ dataDir, transport: 'in-process', baseDir: dataDir });
  const api = new ApiClient(createInProcessTransport(host.router, host.bus));
  try {
    const job = await api.call('backtests.launch', {
      spec: {
        name: 'bench stall',
        data: { synthetic: { symbols: SYMBOLS, years: YEARS, seed: 3 } },
        strategy: { name: 'equal-weight', params: { rebalance: 'daily' } },
        planner: { rebalance_band: 0 },
        initial_cash: 10_000_000,
      },
    });
    await host.jobs.idle();
    const runId = (await api.call('backtests.jobs', {})).find((j) => j.jobId === job.jobId)?.runId;
    if (!runId) throw new Error('the bench run was not recorded');
    const fills = (await api.call('backtests.fills', { runId, limit: 1 })).total;
    const positions = countRunRows(host.db, runId, 'positions');

    // Through the router, as a transport calls it: what the host's own code does with its event loop.
    // (A transport then serialises the answer; a fills CSV of a run this size is over 100 MB of JSON.)
    const call = async (method: string, input: unknown): Promise<unknown> => {
      const r = await host.router.call(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value;
    };
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    const phase = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    phase.enable();
    const figures: Record<string, number> = {};
    let exportMb = 0;
    const measure = async (name: string, f: () => Promise<unknown>): Promise<void> => {
      phase.reset();
      const t0 = performance.now();
      await f();
      figures[`${name}_ms`] = performance.now() - t0;
      // A stall is recorded when the sampling timer finally runs: let it, so it counts for this call.
      await new Promise((resolve) => setTimeout(resolve, 30));
      figures[`${name}_max_stall_ms`] = phase.max * MS_PER_NS;
    };
    for (const what of ['report', 'trades', 'orders', 'fills'] as const) {
      await measure(`export_${what}`, async () => {
        exportMb += ((await call('backtests.export', { runId, what })) as { content: string }).content.length / 2 ** 20;
      });
    }
    await measure('prices', () => call('backtests.prices', { runId, symbol: 'SYN000', maxPoints: 1500 }));
    await measure('delete', () => call('backtests.delete', { runId }));
    histogram.disable();
    phase.disable();
    return {
      max_stall_ms: histogram.max * MS_PER_NS,
      p99_stall_ms: histogram.percentile(99) * MS_PER_NS,
      mean_delay_ms: histogram.mean * MS_PER_NS,
      fills,
      positions,
      export_mb: exportMb,
      ...figures,
    };
  } finally {
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await run()));
}
