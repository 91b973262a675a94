import { fmtInt } from '../../components/common/format';
import type { OpeningRun } from './useOpenRun';

/** Says that a combination's full run is being recorded, and how far the recording is. */
export function OpeningNotice({ opening }: { opening: OpeningRun }) {
  const job = opening.job;
  return (
    <div className="notice research-opening" role="status" data-testid="opening-run" data-index={opening.index}>
      <span className="research-opening__spinner" aria-hidden="true" />
      {job === null ? (
        <span>Opening the run of combination #{opening.index}…</span>
      ) : (
        <span>
          Recording run of combination #{opening.index}… {job.state === 'queued' ? 'queued behind other backtests' : job.total > 0 ? `${fmtInt(job.done)} / ${fmtInt(job.total)} sessions` : 'preparing'}
          . It opens as soon as the engine has recorded it.
        </span>
      )}
    </div>
  );
}
