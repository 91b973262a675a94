import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { barsOn, runSessions } from '../testView';
import { targets } from './targets';

const DATES = ['2024-01-02', '2024-01-03', '2024-01-05', '2024-01-08', '2024-01-09', '2024-01-10'];
const data = { A: barsOn(DATES, DATES.map(() => 10)), B: barsOn(DATES, DATES.map(() => 20)) };

function withCsv(text: string): string {
  const baseDir = mkdtempSync(join(tmpdir(), 'targets-'));
  mkdirSync(join(baseDir, 'sub'));
  writeFileSync(join(baseDir, 'sub', 't.csv'), text);
  return baseDir;
}

function create(text: string, kind: 'weight' | 'quantity' = 'weight') {
  const baseDir = withCsv(text);
  return targets.create(targets.params.parse({ file: 'sub/t.csv', kind }), { symbols: ['A', 'B'], baseDir });
}

describe('targets', () => {
  it('applies each date on the first session at or after it, the latest date winning when several passed', () => {
    const fn = create(
      [
        'date,symbol,target',
        '2024-01-02,A,0.5',
        '2024-01-02,B,0.5',
        '', // blank lines are ignored
        '2024-01-06,A,1', // a Saturday: applies on Monday the 8th
        '2024-01-09T00:00:00Z,B,-0.25',
        '2024-01-09T12:00:00,A,0.3', // after the 9th's session; the 10th supersedes it before a session sees it
        '2024-01-10,B,0.1',
      ].join('\n'),
    );
    const out = runSessions(fn, data).map((s) => s.targets && Object.fromEntries(s.targets.values));
    expect(out).toEqual([{ A: 0.5, B: 0.5 }, null, null, { A: 1 }, { B: -0.25 }, { B: 0.1 }]);
  });

  it('passes the kind through', () => {
    const fn = create('date,symbol,target\n2024-01-02,A,100', 'quantity');
    expect(runSessions(fn, data)[0].targets?.kind).toBe('quantity');
  });

  it.each([
    ['date,symbol,target\n2024-01-02,A,0.5\n2024-01-03,A\n', /t\.csv:3: expected 3 columns/],
    ['date,symbol,target\n2024-02-30,A,0.5\n', /t\.csv:2: invalid date "2024-02-30"/],
    ['date,symbol,target\n2024-01-02,A,abc\n', /t\.csv:2: target "abc" is not a number/],
    ['date,symbol,target\n2024-01-02,ZZ,1\n', /t\.csv:2: symbol "ZZ" is not in the run's universe/],
    ['date,symbol,target\n2024-01-02,A,1\n2024-01-02,A,2\n', /t\.csv:3: duplicate target for A/],
    ['day,sym,w\n2024-01-02,A,1\n', /t\.csv:1: expected header/],
    ['date,symbol,target\n', /t\.csv:1: no targets/],
  ])('rejects malformed CSV with file and line (%#)', (text, message) => {
    expect(() => create(text)).toThrow(message);
  });

  it('resolves the file against baseDir and names the path when it is missing', () => {
    const baseDir = withCsv('date,symbol,target\n2024-01-02,A,1');
    const make = (file: string) => targets.create({ file, kind: 'weight' }, { symbols: ['A'], baseDir });
    expect(make('sub/t.csv')).toBeTypeOf('function');
    expect(() => make('t.csv')).toThrow(`cannot read ${join(baseDir, 't.csv')}`);
  });
});
