import type Database from 'better-sqlite3';
import type { HandlersFor } from '../../ipc/contract';
import type { researchMethods } from '../../ipc/contract/research';
import type { ResearchService } from '../../service/research/researchService';
import { sweepDetail, sweepSummaries, walkForwardDetail, walkForwardSummaries } from '../../service/research/researchReads';

export function researchHandlers(db: Database.Database, research: ResearchService): HandlersFor<typeof researchMethods> {
  return {
    'research.objectives': () => research.objectives(),
    'research.plan': (req) => research.plan(req),
    'research.sweepStart': (req) => research.startSweep(req),
    'research.walkForwardStart': (req) => research.startWalkForward(req),
    'research.cancel': ({ id }) => research.cancel(id),
    'research.jobs': () => research.jobs(),
    'research.sweeps': () => sweepSummaries(db),
    'research.sweep': ({ id }) => sweepDetail(db, id),
    'research.openRun': ({ id, index }) => research.openRun(id, index),
    'research.delete': ({ id }) => research.delete(id),
    'research.walkForwards': () => walkForwardSummaries(db),
    'research.walkForward': ({ id }) => walkForwardDetail(db, id),
  };
}
