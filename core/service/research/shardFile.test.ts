import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweepRequestSchema, type SweepRequest } from '../../ipc/contract/research';
import { decodeFloats, encodeFloats, mergeShards, readShardFile, writeShardFile, type ShardFile } from './shardFile';

const REQUEST: SweepRequest = sweepRequestSchema.parse({
  spec: { name: 'goog sma', strategy: { name: 'sma-cross', params: { mode: 'long_only' } } },
  axes: [
    { name: 'fast', min: 5, max: 20, step: 5 },
    { name: 'slow', values: [30, 60] },
  ],
  where: 'fast < slow',
  objective: 'sortino',
});

type Result = ShardFile['results'][number];

const result = (index: number, blocks: number[] = [index / 100, -index / 200, 1e-4, 4e-4]): Result => ({
  index,
  params: { fast: 5 * (index + 1), slow: 30 },
  objective: index === 0 ? null : index * 0.5,
  metrics: { sharpe: index * 0.5, sortino: index === 0 ? null : index * 0.5, orders: index },
  trial: { rows: 4, moments: { observations: 4, mean: index / 400, std: 0.01, skew: 0.1, kurtosis: 3 }, blocks: encodeFloats(Float64Array.from(blocks)) },
});

/** Shard `index` of `count` of a sweep of `total` combinations, holding the indices given (by default every count-th). */
function shard(index: number, count: number, total: number, over: Partial<ShardFile> & { indices?: number[] } = {}): ShardFile {
  const { indices, ...rest } = over;
  const mine = indices ?? Array.from({ length: total }, (_, i) => i).filter((i) => i % count === index - 1);
  return {
    format: 'tradedesk-sweep-shard',
    version: 2,
    request: REQUEST,
    dataFingerprint: 'fp-abc',
    combinations: total,
    shard: { index, count },
    periodsPerYear: 252,
    elapsedMs: 100 * index,
    results: mine.map((i) => result(i)),
    ...rest,
  };
}

const named = (...shards: ShardFile[]) => shards.map((s) => ({ file: `s${s.shard.index}.json`, shard: s }));

/** Bit-for-bit equality of two arrays of doubles (NaN payloads aside, -0 told from 0). */
function sameBits(a: Float64Array, b: Float64Array): void {
  expect(b.length).toBe(a.length);
  expect(Buffer.from(b.buffer, b.byteOffset, b.byteLength).equals(Buffer.from(a.buffer, a.byteOffset, a.byteLength))).toBe(true);
  a.forEach((v, i) => expect(Object.is(b[i], v), `element ${i}`).toBe(true));
}

describe('encodeFloats / decodeFloats', () => {
  it('round-trips float64s exactly, -0, subnormals and infinities included', () => {
    const r = Float64Array.from([0, -0, 0.1, -0.30000000000000004, 1 / 3, Number.MIN_VALUE, -5e-324, 2.2250738585072014e-308 / 3, Number.MAX_VALUE, Infinity, -Infinity, 1e-300]);
    sameBits(r, decodeFloats(encodeFloats(r)));
  });

  it('keeps NaN a NaN', () => {
    const back = decodeFloats(encodeFloats(Float64Array.from([NaN, 1])));
    expect(Number.isNaN(back[0])).toBe(true);
    expect(back[1]).toBe(1);
  });

  it('encodes 8 little-endian bytes per value, in base64', () => {
    const s = encodeFloats(Float64Array.from([1]));
    // 1.0 is 0x3FF0000000000000: little-endian its bytes are 00 .. 00 F0 3F.
    expect(Buffer.from(s, 'base64')).toEqual(Buffer.from([0, 0, 0, 0, 0, 0, 0xf0, 0x3f]));
    expect(encodeFloats(new Float64Array(0))).toBe('');
    expect(decodeFloats('')).toEqual(new Float64Array(0));
  });

  it('encodes only the view it is given, not the whole buffer behind it', () => {
    const all = Float64Array.from([1, 2, 3, 4, 5]);
    const view = all.subarray(1, 3);
    sameBits(Float64Array.from([2, 3]), decodeFloats(encodeFloats(view)));
  });

  it('refuses bytes that are not a whole number of float64s', () => {
    expect(() => decodeFloats(Buffer.from([1, 2, 3]).toString('base64'))).toThrow('block sums are not a whole number of float64s');
  });
});

describe('writeShardFile / readShardFile', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tradedesk-shard-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back exactly what was written, block sums to the bit, and leaves no temporary file', () => {
    const file = path.join(dir, 'shard-1.json');
    const s = shard(1, 2, 5, { elapsedMs: 1234.5 });
    s.results[1] = result(2, [-0, 5e-324, 0.1 + 0.2]);
    writeShardFile(file, s);
    expect(readdirSync(dir)).toEqual(['shard-1.json']);
    const back = readShardFile(file);
    expect(back).toEqual(s);
    sameBits(Float64Array.from([-0, 5e-324, 0.1 + 0.2]), decodeFloats(back.results[1].trial.blocks as string));
  });

  it('replaces an existing file whole', () => {
    const file = path.join(dir, 'shard.json');
    writeShardFile(file, shard(1, 1, 3));
    writeShardFile(file, shard(1, 1, 1));
    expect(readShardFile(file).combinations).toBe(1);
    expect(readdirSync(dir)).toEqual(['shard.json']);
  });

  it('applies the request defaults a hand-trimmed file leaves out', () => {
    const file = path.join(dir, 'trimmed.json');
    const s = shard(1, 1, 2);
    const request = { spec: REQUEST.spec, axes: REQUEST.axes };
    writeFileSync(file, JSON.stringify({ ...s, request }));
    expect(readShardFile(file).request).toEqual({ ...request, search: { kind: 'grid' }, where: '', objective: 'sharpe' });
  });

  it('names the file and the JSON problem for a file that is not JSON', () => {
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{"format": ');
    expect(() => readShardFile(file)).toThrow(new RegExp(`^${escape(file)}: not a sweep shard file \\(.+\\)$`));
  });

  it('names the file when it cannot be read', () => {
    const file = path.join(dir, 'absent.json');
    expect(() => readShardFile(file)).toThrow(new RegExp(`^${escape(file)}: not a sweep shard file \\(.*ENOENT`));
  });

  it('names the file and the path of the first failing key', () => {
    const cases: [string, unknown, string][] = [
      ['format', { ...shard(1, 1, 1), format: 'something-else' }, 'format: '],
      ['version', { ...shard(1, 1, 1), version: 1 }, 'version: '],
      ['index', { ...shard(1, 1, 1), results: [{ ...result(0), index: -1 }] }, 'results.0.index: '],
      ['objective', { ...shard(1, 2, 4), results: [result(0), { ...result(2), objective: 'high' }] }, 'results.1.objective: '],
      ['blocks', { ...shard(1, 1, 1), results: [{ ...result(0), trial: { ...result(0).trial, blocks: 7 } }] }, 'results.0.trial.blocks: '],
      ['shard', { ...shard(1, 1, 1), shard: { index: 0, count: 1 } }, 'shard.index: '],
      ['axes', { ...shard(1, 1, 1), request: { ...REQUEST, axes: [] } }, 'request.axes: '],
      ['document', [1, 2], 'document: '],
    ];
    for (const [what, content, where] of cases) {
      const file = path.join(dir, `${what}.json`);
      writeFileSync(file, JSON.stringify(content));
      expect(() => readShardFile(file), what).toThrow(`${file}: not a sweep shard file (${where}`);
    }
  });

  it('writes JSON a reader can inspect', () => {
    const file = path.join(dir, 'plain.json');
    writeShardFile(file, shard(2, 3, 6));
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { format: string; shard: unknown; results: { index: number }[] };
    expect(raw.format).toBe('tradedesk-sweep-shard');
    expect(raw.shard).toEqual({ index: 2, count: 3 });
    expect(raw.results.map((r) => r.index)).toEqual([1, 4]);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('mergeShards', () => {
  it('merges the rows of every shard in index order, whatever the files order, and sums the time', () => {
    const merged = mergeShards(named(shard(3, 3, 7), shard(1, 3, 7), shard(2, 3, 7)));
    expect(merged.rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(merged.elapsedMs).toBe(100 + 200 + 300);
    expect(merged.request).toEqual(REQUEST);
    expect(merged.dataFingerprint).toBe('fp-abc');
    expect(merged.periodsPerYear).toBe(252);
    const row = merged.rows[4];
    const expected = result(4);
    expect(row.params).toEqual(expected.params);
    expect(row.metrics).toEqual(expected.metrics);
    expect(row.objective).toBe(2);
    expect(row.trial.blocks).toBeInstanceOf(Float64Array);
    expect(Array.from(row.trial.blocks as Float64Array)).toEqual([0.04, -0.02, 1e-4, 4e-4]);
    expect(row.trial.moments.mean).toBe(0.01);
    expect(merged.rows[0].objective).toBeNull();
  });

  it('merges a single shard of one', () => {
    const merged = mergeShards([{ file: 'only.json', shard: shard(1, 1, 3) }]);
    expect(merged.rows.map((r) => r.index)).toEqual([0, 1, 2]);
    expect(merged.elapsedMs).toBe(100);
  });

  it('accepts an empty shard when the others hold every combination', () => {
    const merged = mergeShards(named(shard(1, 3, 2), shard(2, 3, 2), shard(3, 3, 2)));
    expect(merged.rows).toHaveLength(2);
  });

  it('needs at least one file', () => {
    expect(() => mergeShards([])).toThrow('sweep merge: no shard files given');
  });

  it('refuses a shard of another request', () => {
    const other = shard(2, 2, 4, { request: { ...REQUEST, where: 'fast * 2 < slow' } });
    expect(() => mergeShards(named(shard(1, 2, 4), other))).toThrow(
      'sweep merge: s2.json is a shard of another sweep than s1.json (different spec, axes, where or objective)',
    );
    const otherSpec = shard(2, 2, 4, { request: { ...REQUEST, spec: { ...REQUEST.spec, name: 'other' } } });
    expect(() => mergeShards(named(shard(1, 2, 4), otherSpec))).toThrow(/s2\.json is a shard of another sweep than s1\.json/);
  });

  it('refuses a shard run on other data', () => {
    expect(() => mergeShards(named(shard(1, 2, 4), shard(2, 2, 4, { dataFingerprint: 'fp-xyz' })))).toThrow(
      'sweep merge: s2.json ran on other data than s1.json (data fingerprints differ)',
    );
  });

  it('refuses shards that split the sweep differently', () => {
    expect(() => mergeShards(named(shard(1, 2, 4), shard(2, 3, 4)))).toThrow('sweep merge: s2.json splits the sweep into 3 shards, s1.json into 2');
    expect(() => mergeShards(named(shard(1, 2, 4), shard(2, 2, 5)))).toThrow('sweep merge: s2.json counts 5 combinations in the sweep, s1.json 4');
  });

  it('refuses a shard numbered above the count', () => {
    expect(() => mergeShards(named(shard(1, 2, 2, { indices: [0] }), shard(2, 2, 2, { indices: [1] }), shard(3, 2, 2, { indices: [] })))).toThrow(
      'sweep merge: s3.json says it is shard 3 of 2',
    );
  });

  it('refuses the same shard twice', () => {
    const files = [
      { file: 'a.json', shard: shard(1, 2, 4) },
      { file: 'b.json', shard: shard(1, 2, 4) },
      { file: 'c.json', shard: shard(2, 2, 4) },
    ];
    expect(() => mergeShards(files)).toThrow('sweep merge: b.json and a.json are both shard 1/2');
  });

  it('names the missing shards', () => {
    expect(() => mergeShards(named(shard(1, 3, 6), shard(3, 3, 6)))).toThrow('sweep merge: shard 2/3 missing');
    expect(() => mergeShards(named(shard(2, 4, 8)))).toThrow('sweep merge: shard 1/4, 3/4, 4/4 missing');
  });

  it('refuses a combination in two shards', () => {
    const files = named(shard(1, 2, 4, { indices: [0, 1, 2] }), shard(2, 2, 4, { indices: [1, 3] }));
    expect(() => mergeShards(files)).toThrow('sweep merge: combination 1 is in s2.json twice, or in two shards');
  });

  it('refuses a sweep with a combination in no shard', () => {
    const files = named(shard(1, 2, 4, { indices: [0, 2] }), shard(2, 2, 4, { indices: [1] }));
    expect(() => mergeShards(files)).toThrow('sweep merge: combination 3 is in no shard (was a shard cancelled or cut short?)');
  });

  it('refuses a combination index beyond the sweep', () => {
    const files = named(shard(1, 2, 4), shard(2, 2, 4, { indices: [1, 3, 4] }));
    expect(() => mergeShards(files)).toThrow('sweep merge: s2.json has combination 4, the sweep has 4');
  });
});
