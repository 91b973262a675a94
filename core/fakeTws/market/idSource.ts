import { randomBytes } from 'node:crypto';

/** Permanent ids and execution ids, unique within one fake and (practically) across its runs. */
export interface IdSource {
  nextPermId(): number;
  nextExecId(): string;
}

export function createIdSource(nowMs: number): IdSource {
  // Seeded from the clock so a new run does not reissue an earlier run's permIds to a store that kept them.
  let perm = Math.floor(nowMs / 1000) * 1000;
  let exec = 0;
  // IB's execId shape, e.g. 00025b46.63f8f39c.01.01: a per-run tag, a sequence, then the fill's sub-ids.
  const tag = randomBytes(4).toString('hex');
  return {
    nextPermId: () => ++perm,
    nextExecId: () => `${tag}.${(++exec).toString(16).padStart(8, '0')}.01.01`,
  };
}
