import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Prng } from '../../data/prng';

const DAY = 86_400_000;

/** `n` weekday session stamps from 2015-01-05 (a Monday). */
function weekdays(n: number): number[] {
  const out: number[] = [];
  for (let t = Date.UTC(2015, 0, 5); out.length < n; t += DAY) if (new Date(t).getUTCDay() % 6 !== 0) out.push(t);
  return out;
}

export type Regime = 'trend' | 'revert' | 'fall';

/**
 * `n` more closes after `from`, in one regime: a steady rise with noise (`trend`), swings around the starting
 * level (`revert`, a 24-session cycle), or a steady fall (`fall`). Deterministic for a seed.
 */
export function regimeCloses(from: number, n: number, regime: Regime, seed: number): number[] {
  const rng = new Prng(seed);
  const out: number[] = [];
  let p = from;
  for (let i = 1; i <= n; i++) {
    const noise = 0.008 * rng.normal();
    if (regime === 'revert') p = from * Math.exp(0.06 * Math.sin((2 * Math.PI * i) / 24) + noise);
    else p *= Math.exp((regime === 'trend' ? 0.003 : -0.003) + noise);
    out.push(p);
  }
  return out;
}

/** Writes closes as daily bars (open at the previous close) to `dir`/PX.csv; answers the file. */
export function writeBars(dir: string, closes: readonly number[]): string {
  mkdirSync(dir, { recursive: true });
  const ts = weekdays(closes.length);
  const lines = ['Date,Open,High,Low,Close,Volume'];
  closes.forEach((c, i) => {
    const o = i === 0 ? c : closes[i - 1];
    const day = new Date(ts[i]).toISOString().slice(0, 10);
    lines.push(`${day},${o.toFixed(4)},${(Math.max(o, c) * 1.004).toFixed(4)},${(Math.min(o, c) * 0.996).toFixed(4)},${c.toFixed(4)},1000000`);
  });
  const file = path.join(dir, 'PX.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** An sma-cross spec over `dir`/PX.csv, long and short, with a small commission; answers the spec file. */
export function writeSmaSpec(dir: string): string {
  const file = path.join(dir, 'spec.yaml');
  writeFileSync(
    file,
    [
      'name: wf-test',
      'data:',
      '  csv: PX.csv',
      'strategy:',
      '  name: sma-cross',
      '  params: {fast: 10, slow: 20, mode: long_short}',
      'initial_cash: 10000',
      'seed: 1',
      'simulator: {slippage_bps: 0, spread_bps: 0, use_volume_constraints: false, commission: {model: percent, rate: 0.001}}',
      '',
    ].join('\n'),
  );
  return file;
}
