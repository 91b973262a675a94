import type Database from 'better-sqlite3';
import type { Emit, HandlersFor } from '../../ipc/contract';
import type { dataMethods } from '../../ipc/contract/data';
import { deleteSeries, getBars, listInstruments, listSeries, previewImport } from '../../service/data/dataService';
import { importTextOffLoop } from '../../service/data/importOffLoop';

export function dataHandlers(db: Database.Database, emit: Emit): HandlersFor<typeof dataMethods> {
  return {
    'data.series': () => listSeries(db),
    'data.bars': (q) => getBars(db, q),
    'data.preview': (source) => previewImport(db, source),
    'data.import': (input) => importTextOffLoop(db, input, (done, total) => emit('data.importProgress', { name: input.name, done, total })),
    'data.delete': (input) => deleteSeries(db, input),
    'data.instruments': () => listInstruments(db),
  };
}
