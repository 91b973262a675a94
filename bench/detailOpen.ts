import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApiClient } from '../core/ipc/client';
import { createInProcessTransport } from '../core/ipc/inProcessTransport';
import { createHost } from '../core/host/createHost';

const SYMBOLS = 500;
const YEARS = 20;

/**
 * Records a 500-symbol x 20-year daily backtest through the engine host, then times what the run
 * detail screen asks for when it opens (through the router, JSON and all), from a cold cache.
 */
export async function run(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tradedesk-bench-detail-'));
  const host = await createHost({ dataDir, transport: 'in-process', baseDir: dataDir });
  const api = new ApiClient(createInProcessTransport(host.router, host.bus));
  try {
    const job = await api.call('backtests.launch', {
      spec: {
        name: 'bench detail',
        data: { synthetic: { symbols: SYMBOLS, years: YEARS, seed: 3 } },
        strategy: { name: 'equal-weight', params: { rebalance: 'monthly' } },
        initial_cash: 10_000_000,
      },
    });
    await host.jobs.idle();
    const runId = (await api.call('backtests.jobs', {})).find((j) => j.jobId === job.jobId)?.runId;
    if (!runId) throw new Error('the bench run was not recorded');
    const timed = async (f: () => Promise<unknown>): Promise<number> => {
      const t0 = performance.now();
      await f();
      return performance.now() - t0;
    };
    const detail = await api.call('backtests.get', { runId });
    // The screen's first requests. The engine answers them one after another on its thread, so
    // timing them in turn shows each one's share of the total.
    const parts: Record<string, number> = {
      get: await timed(() => api.call('backtests.get', { runId })),
      equity: await timed(() => api.call('backtests.equity', { runId, maxPoints: 1500 })),
      returns: await timed(() => api.call('backtests.returns', { runId })),
      trades: await timed(() => api.call('backtests.trades', { runId, limit: 200 })),
      orders: await timed(() => api.call('backtests.orders', { runId, limit: 200 })),
      fills: await timed(() => api.call('backtests.fills', { runId, limit: 200 })),
    };
    // The price chart loads when its panel is opened: it re-reads the run's data (regenerates a synthetic market).
    const pricesMs = await timed(() => api.call('backtests.prices', { runId, symbol: detail.symbols[0], maxPoints: 1500 }));
    const openMs = Object.values(parts).reduce((a, b) => a + b, 0);
    const sortMs = await timed(() => api.call('backtests.fills', { runId, limit: 200, offset: 100_000, sortBy: 'price', sortDir: 'desc' }));
    const fills = (await api.call('backtests.fills', { runId, limit: 1 })).total;
    return {
      openMs,
      ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [`${k}Ms`, v])),
      pricesMs,
      fills,
      sortedDeepPageMs: sortMs,
    };
  } finally {
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await run()));
}
