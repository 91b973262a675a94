import { fmtDateTime } from '../../components/common/format';
import { useTradingState } from './tradingQueries';
import { useTradingSync } from './useTradingSync';
import './trading.css';

/**
 * Mounted once in the app shell: keeps the trading state current from the engine's events on every
 * screen, and while LIVE is armed shows a red banner there, whatever the screen.
 */
export function LiveBanner() {
  useTradingSync();
  const state = useTradingState().data;
  if (!state?.liveArmed) return null;
  return (
    <div className="live-banner" role="alert" data-testid="live-banner">
      <strong>LIVE TRADING ARMED</strong>
      <span>Orders trade real money; each one asks for confirmation.</span>
      {state.armedAt !== null && <span className="live-banner__since">since {fmtDateTime(state.armedAt)}</span>}
      <a className="live-banner__link" href="#/trading">
        Trading
      </a>
    </div>
  );
}
