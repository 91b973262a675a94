// A host in its own process for the crash test: it queues a long job and two short ones, prints the
// job ids and the long job's run id once that run is being written, and then waits to be killed.
import type { Job } from '../../ipc/contract/backtests';
import { createHost } from '../createHost';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('crashingHost: pass the data dir as the first argument');
const host = await createHost({ dataDir, transport: 'in-process', logError: () => undefined });
const spec = (name: string, symbols: number, years: number) => ({
  name,
  data: { synthetic: { symbols, years, seed: 5 } },
  strategy: { name: 'equal-weight', params: { rebalance: 'daily' } },
  initial_cash: 1_000_000,
});
let longJob = '';
host.bus.subscribe((event, payload) => {
  const job = payload as Job;
  if (event !== 'backtests.job' || job.jobId !== longJob || job.state !== 'running' || job.done === 0) return;
  process.stdout.write(`${JSON.stringify({ jobIds, runId: job.runId })}\n`);
  longJob = '';
});
const jobIds: string[] = [];
for (const [name, symbols, years] of [['long', 60, 20], ['second', 3, 1], ['third', 3, 1]] as const) {
  const r = await host.router.call('backtests.launch', { spec: spec(name, symbols, years) });
  if (!r.ok) throw new Error(`launch ${name}: ${r.error.message}`);
  jobIds.push((r.value as Job).jobId);
}
longJob = jobIds[0];
setInterval(() => undefined, 60_000);
