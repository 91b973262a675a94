import type { Overfitting } from '../../../core/ipc/contract/research';
import { fmtInt, fmtPct, fmtRatio } from '../../components/common/format';

type Tone = 'pos' | 'neg' | 'warn' | '';

/**
 * Colour hints only (the engine's readings say what the numbers mean): a deflated Sharpe near one
 * says the best is unlikely to be luck; a PBO near one says the in-sample best usually disappoints.
 */
const dsrTone = (v: number | null): Tone => (v === null ? '' : v >= 0.95 ? 'pos' : v >= 0.5 ? 'warn' : 'neg');
const pboTone = (v: number | null): Tone => (v === null ? '' : v < 0.25 ? 'pos' : v < 0.5 ? 'warn' : 'neg');
const prob = (v: number | null): string => (v === null ? '—' : fmtPct(v * 100, 0));

interface FigureProps {
  title: string;
  value: string;
  tone: Tone;
  detail: string;
  reading: string;
  testId: string;
}

function Figure({ title, value, tone, detail, reading, testId }: FigureProps) {
  return (
    <div className="overfit__figure" data-testid={testId}>
      <div className="overfit__title">{title}</div>
      <div className={`overfit__value ${tone}`} data-testid={`${testId}-value`}>
        {value}
      </div>
      <div className="overfit__detail muted">{detail}</div>
      <p className="overfit__reading" data-testid={`${testId}-reading`}>
        {reading}
      </p>
    </div>
  );
}

/** How far the best combination can be trusted: the deflated Sharpe ratio and the probability of backtest overfitting. */
export function OverfittingPanel({ overfitting, finished }: { overfitting: Overfitting | null; finished: boolean }) {
  const dsr = overfitting?.deflatedSharpe ?? null;
  const pbo = overfitting?.pbo ?? null;
  return (
    <section className="card overfit" aria-labelledby="overfit-title" data-testid="overfitting">
      <div className="card__head">
        <h2 id="overfit-title">Overfitting</h2>
      </div>
      {overfitting === null ? (
        <p className="muted" data-testid="overfitting-pending">
          {finished ? 'Not computed for this sweep.' : 'Checked once the sweep has finished.'}
        </p>
      ) : (
        <div className="overfit__grid">
          {dsr ? (
            <Figure
              title="Deflated Sharpe"
              value={prob(dsr.dsr)}
              tone={dsrTone(dsr.dsr)}
              detail={`best Sharpe ${fmtRatio(dsr.sharpeAnnualised)} vs ${fmtRatio(dsr.expectedMaxSharpeAnnualised)} expected from ${fmtInt(dsr.trials)} trials by luck`}
              reading={dsr.reading}
              testId="dsr"
            />
          ) : (
            <Figure title="Deflated Sharpe" value="—" tone="" detail="" reading="Not available for this sweep." testId="dsr" />
          )}
          {pbo ? (
            <Figure
              title="Probability of overfitting"
              value={prob(pbo.pbo)}
              tone={pboTone(pbo.pbo)}
              detail={`${fmtInt(pbo.splits)} splits of ${fmtInt(pbo.partitions)} partitions · chance of a loss out of sample ${prob(pbo.probabilityOfLoss)}`}
              reading={pbo.reading}
              testId="pbo"
            />
          ) : (
            <Figure title="Probability of overfitting" value="—" tone="" detail="" reading="Not available for this sweep." testId="pbo" />
          )}
        </div>
      )}
    </section>
  );
}
