import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { sweepRequestSchema, type SweepRequest } from '../../ipc/contract/research';
import type { FlatMetrics } from '../../research/flatMetrics';
import type { TrialStats } from '../../research/trialStats';

const nullableNumber = z.number().nullable();
import type { Combination } from '../../research/where';

const FORMAT = 'tradedesk-sweep-shard';

const shardSchema = z.object({
  format: z.literal(FORMAT),
  /** 2: each combination carries its returns' moments and block sums (1 carried the returns themselves). */
  version: z.literal(2),
  request: sweepRequestSchema,
  dataFingerprint: z.string(),
  /** Combinations in the whole sweep, over every shard. */
  combinations: z.number().int().min(1),
  shard: z.object({ index: z.number().int().min(1), count: z.number().int().min(1) }),
  periodsPerYear: z.number().positive(),
  elapsedMs: z.number().min(0),
  results: z.array(
    z.object({
      index: z.number().int().min(0),
      params: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
      objective: z.number().nullable(),
      metrics: z.record(z.string(), z.number().nullable()),
      /** What the statistics need of its session returns; the block sums as little-endian float64s in base64 (exact). */
      trial: z.object({
        rows: z.number().int().min(0),
        moments: z.object({ observations: z.number().int().min(0), mean: nullableNumber, std: nullableNumber, skew: nullableNumber, kurtosis: nullableNumber }),
        blocks: z.string().nullable(),
      }),
    }),
  ),
});
export type ShardFile = z.infer<typeof shardSchema>;

export interface ShardRow {
  index: number;
  params: Combination;
  metrics: FlatMetrics;
  objective: number | null;
  trial: TrialStats;
}

/** Float64s as little-endian bytes in base64: exact, and a third of their JSON size. */
export function encodeFloats(r: Float64Array): string {
  return Buffer.from(r.buffer, r.byteOffset, r.byteLength).toString('base64');
}

export function decodeFloats(s: string): Float64Array {
  const b = Buffer.from(s, 'base64');
  if (b.byteLength % 8 !== 0) throw new Error('block sums are not a whole number of float64s');
  const out = new Float64Array(b.byteLength / 8);
  new Uint8Array(out.buffer).set(b);
  return out;
}

/** Writes a shard's results whole or not at all (a temporary file renamed over the target). */
export function writeShardFile(file: string, shard: ShardFile): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(shard));
  renameSync(tmp, file);
}

export function readShardFile(file: string): ShardFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: not a sweep shard file (${(err as Error).message})`, { cause: err });
  }
  const parsed = shardSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: not a sweep shard file (${issue.path.join('.') || 'document'}: ${issue.message})`);
  }
  return parsed.data;
}

export interface MergedShards {
  request: SweepRequest;
  dataFingerprint: string;
  periodsPerYear: number;
  /** Every combination, in index order. */
  rows: ShardRow[];
  /** Summed over shards: the machine time the sweep took. */
  elapsedMs: number;
}

/**
 * Joins the shards of one sweep. They must come from the same request over the same data, each shard once, and
 * together hold every combination exactly once; anything else is an error naming the files concerned.
 */
export function mergeShards(files: readonly { file: string; shard: ShardFile }[]): MergedShards {
  if (files.length === 0) throw new Error('sweep merge: no shard files given');
  const first = files[0];
  const key = JSON.stringify(first.shard.request);
  const count = first.shard.shard.count;
  const seen = new Map<number, string>();
  for (const { file, shard } of files) {
    if (JSON.stringify(shard.request) !== key) throw new Error(`sweep merge: ${file} is a shard of another sweep than ${first.file} (different spec, axes, where or objective)`);
    if (shard.dataFingerprint !== first.shard.dataFingerprint) throw new Error(`sweep merge: ${file} ran on other data than ${first.file} (data fingerprints differ)`);
    if (shard.shard.count !== count) throw new Error(`sweep merge: ${file} splits the sweep into ${shard.shard.count} shards, ${first.file} into ${count}`);
    if (shard.combinations !== first.shard.combinations) throw new Error(`sweep merge: ${file} counts ${shard.combinations} combinations in the sweep, ${first.file} ${first.shard.combinations}`);
    if (shard.shard.index > count) throw new Error(`sweep merge: ${file} says it is shard ${shard.shard.index} of ${count}`);
    const dup = seen.get(shard.shard.index);
    if (dup !== undefined) throw new Error(`sweep merge: ${file} and ${dup} are both shard ${shard.shard.index}/${count}`);
    seen.set(shard.shard.index, file);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) throw new Error(`sweep merge: shard ${missing.map((i) => `${i}/${count}`).join(', ')} missing`);
  const total = first.shard.combinations;
  const rows = new Array<ShardRow | undefined>(total);
  for (const { file, shard } of files) {
    for (const r of shard.results) {
      if (r.index >= total) throw new Error(`sweep merge: ${file} has combination ${r.index}, the sweep has ${total}`);
      if (rows[r.index]) throw new Error(`sweep merge: combination ${r.index} is in ${file} twice, or in two shards`);
      const trial = { rows: r.trial.rows, moments: r.trial.moments, blocks: r.trial.blocks === null ? null : decodeFloats(r.trial.blocks) };
      rows[r.index] = { index: r.index, params: r.params, metrics: r.metrics, objective: r.objective, trial };
    }
  }
  const absent = rows.findIndex((r) => r === undefined);
  if (absent !== -1) throw new Error(`sweep merge: combination ${absent} is in no shard (was a shard cancelled or cut short?)`);
  return {
    request: first.shard.request,
    dataFingerprint: first.shard.dataFingerprint,
    periodsPerYear: first.shard.periodsPerYear,
    rows: rows as ShardRow[],
    elapsedMs: files.reduce((s, f) => s + f.shard.elapsedMs, 0),
  };
}
