import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real market files in fixtures/data, for tests. */
export const FIXTURE_DATA_DIR = fileURLToPath(new URL('../../../fixtures/data/', import.meta.url));

/** One file's entry in fixtures/data/data_profile.json. */
export interface FileProfile {
  rows: number;
  first: string;
  last: string;
  median_step: string;
  min_close: number;
  max_close: number;
}

export const fixtureDataProfile = JSON.parse(readFileSync(join(FIXTURE_DATA_DIR, 'data_profile.json'), 'utf8')) as Record<string, FileProfile>;

/** Profile stamps look like "2006-01-02 09:01:00" or "2015-09-23 20:57:42.146000" and are UTC wall time. */
export function profileTs(stamp: string): number {
  return Date.parse(`${stamp.replace(' ', 'T').replace(/(\.\d{3})\d*$/, '$1')}Z`);
}

/** Profile steps look like "1 days 00:00:00" or "0 days 00:05:00". */
export function profileStepSeconds(step: string): number {
  const m = /^(\d+) days (\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(step);
  if (m === null) throw new Error(`unexpected median_step ${step}`);
  return Number(m[1]) * 86400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
}
