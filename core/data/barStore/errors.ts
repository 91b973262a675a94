import { isoStamp } from './isoStamp';
import type { SeriesInfo } from './seriesInfo';

/** A write that would overwrite a stored series when the caller chose to refuse. Nothing was written. */
export class SeriesExistsError extends Error {
  constructor(readonly existing: SeriesInfo) {
    super(
      `${existing.symbol} ${existing.barSize} is already in the bar store (${existing.bars} bars, ` +
        `${isoStamp(existing.firstTs)} to ${isoStamp(existing.lastTs)}, from ${existing.fileName ?? existing.source}); ` +
        'replace it to overwrite',
    );
    this.name = 'SeriesExistsError';
  }
}

/** A read or delete of a series the store does not hold. */
export class SeriesNotFoundError extends Error {
  constructor(readonly symbols: readonly string[], readonly barSize: string | null) {
    super(`no ${barSize === null ? '' : `${barSize} `}bars for ${symbols.join(', ')} in the bar store`);
    this.name = 'SeriesNotFoundError';
  }
}
