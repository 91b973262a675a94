import type { ReactNode } from 'react';
import type { ResearchJob } from '../../../core/ipc/contract/research';
import { fmtDateTime, fmtDuration } from '../../components/common/format';
import { StatusBadge } from '../../components/common/StatusBadge';
import { ResearchJobCard } from './ResearchJobCard';

type Kind = 'sweep' | 'walkforward';

interface HeadProps {
  kind: Kind;
  name: string;
  state: string;
  /** What it ran, before when it was made and how long it took. */
  about: ReactNode;
  createdAt: number;
  elapsedMs: number | null;
  /** The buttons beside the title; a link back to Research follows them. */
  children: ReactNode;
}

/** A sweep's or walk-forward's title line: name, state, what it ran, when and how long, and its actions. */
export function ResearchDetailHead({ kind, name, state, about, createdAt, elapsedMs, children }: HeadProps) {
  return (
    <header className="screen-head">
      <div className="research__title">
        <h1 data-testid={`${kind}-name`}>{name}</h1>
        <StatusBadge status={state} />
        <span className="muted">
          {about} · {fmtDateTime(createdAt)}
          {elapsedMs !== null && ` · took ${fmtDuration(elapsedMs)}`}
        </span>
      </div>
      {children}
      <a className="btn btn--small btn--ghost" href="#/research">
        ← Research
      </a>
    </header>
  );
}

/** While it runs, its job's progress; when it failed, why. */
export function ResearchProgress({ kind, job, active, error }: { kind: Kind; job: ResearchJob | undefined; active: boolean; error: string | null }) {
  return (
    <>
      {active && job && <ResearchJobCard job={job} compact />}
      {error && (
        <div className="notice notice--error" data-testid={`${kind}-error`}>
          {error}
        </div>
      )}
    </>
  );
}
