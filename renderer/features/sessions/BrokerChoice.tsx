import { routeHash } from '../../app/routes';
import { useTradingState } from '../trading/tradingQueries';
import { connectedBroker } from './sessionView';

interface BrokerChoiceProps {
  broker: 'connected' | 'sim';
  simBars: 'replay' | 'connected';
  speed: string;
  speedIssue?: string;
  onBroker: (b: 'connected' | 'sim') => void;
  onSimBars: (bars: 'replay' | 'connected') => void;
  onSpeed: (speed: string) => void;
  /** Radio group name, unique on the page. */
  name: string;
}

/**
 * Where a session runs: the Trading screen's connection (TWS, IB Gateway, the fake TWS; in its
 * mode) or the local simulator, on a paper account of its own, whose market replays the spec's data
 * at a speed or follows the connected broker's live bars.
 */
export function BrokerChoice({ broker, simBars, speed, speedIssue, onBroker, onSimBars, onSpeed, name }: BrokerChoiceProps) {
  const conn = connectedBroker(useTradingState().data);
  return (
    <div className="broker-choice" role="radiogroup" aria-label="Broker">
      <label className="broker-choice__option" data-checked={broker === 'connected'}>
        <input type="radio" name={name} checked={broker === 'connected'} data-testid="broker-connected" onChange={() => onBroker('connected')} />
        <span className="broker-choice__body">
          <span className="broker-choice__title">
            Connected broker {conn.live && <span className="session-mode session-mode--live">LIVE</span>}
          </span>
          <span className={conn.ready ? 'muted' : 'warn'} data-testid="broker-connected-status" data-ready={conn.ready}>
            {conn.text}
            {!conn.ready && (
              <>
                {' '}
                <a href={routeHash({ name: 'trading' })}>Trading</a>
              </>
            )}
          </span>
        </span>
      </label>
      <label className="broker-choice__option" data-checked={broker === 'sim'}>
        <input type="radio" name={name} checked={broker === 'sim'} data-testid="broker-sim" onChange={() => onBroker('sim')} />
        <span className="broker-choice__body">
          <span className="broker-choice__title">Local simulator</span>
          <span className="muted">a paper account of its own, its fills simulated with the spec’s costs</span>
        </span>
      </label>
      {broker === 'sim' && (
        <div className="broker-choice__market">
          <div className="segmented" role="radiogroup" aria-label="Simulator market">
            {(['replay', 'connected'] as const).map((k) => (
              <label key={k} className="segmented__item" data-checked={simBars === k}>
                <input type="radio" name={`${name}-bars`} checked={simBars === k} data-testid={`sim-bars-${k}`} onChange={() => onSimBars(k)} />
                {k === 'replay' ? 'Replay the spec’s data' : 'Live bars of the connected broker'}
              </label>
            ))}
          </div>
          <span className="field__hint">
            {simBars === 'replay'
              ? 'Two years of the data as history, then the rest, bar by bar at the speed below.'
              : 'Daily sessions: the market moves with the connected broker’s real-time bars; orders never reach it.'}
          </span>
        </div>
      )}
      {broker === 'sim' && simBars === 'replay' && (
        <div className="field broker-choice__speed">
          <label htmlFor={`${name}-speed`}>Speed</label>
          <div className="field__control">
            <input
              id={`${name}-speed`}
              className="input input--short"
              inputMode="decimal"
              data-testid="broker-speed"
              aria-invalid={speedIssue !== undefined}
              value={speed}
              onChange={(e) => onSpeed(e.target.value)}
            />
            <span className="field__unit">bars / s</span>
          </div>
          {speedIssue && <span className="field__issue">{speedIssue}</span>}
        </div>
      )}
    </div>
  );
}
