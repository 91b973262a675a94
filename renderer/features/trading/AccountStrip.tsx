import type { AccountDto } from '../../../core/ipc/contract/trading';
import { fmtNumber } from '../../components/common/format';
import { fmtPnl, pnlClass } from './tradingFormat';

function Figure({ label, value, tone = '', testId }: { label: string; value: string; tone?: string; testId: string }) {
  return (
    <div className="account-figure" data-testid={testId}>
      <span className="account-figure__label">{label}</span>
      <span className={`account-figure__value num ${tone}`}>{value}</span>
    </div>
  );
}

/** The account as the broker reports it; empty until it has. */
export function AccountStrip({ account }: { account: AccountDto | null }) {
  if (!account) {
    return (
      <div className="account-strip card muted" data-testid="account-strip" data-empty="true">
        No account yet: connect to see net liquidation, cash, buying power and P&amp;L.
      </div>
    );
  }
  return (
    <div className="account-strip card" data-testid="account-strip">
      <Figure label="Net liquidation" value={fmtNumber(account.netLiquidation)} testId="acct-netliq" />
      <Figure label="Cash" value={fmtNumber(account.cash)} testId="acct-cash" />
      <Figure label="Buying power" value={fmtNumber(account.buyingPower)} testId="acct-buying-power" />
      <Figure label="Day P&L" value={fmtPnl(account.dayPnl)} tone={pnlClass(account.dayPnl)} testId="acct-day-pnl" />
      <Figure label="Unrealized" value={fmtPnl(account.unrealizedPnl)} tone={pnlClass(account.unrealizedPnl)} testId="acct-unrealized" />
      <Figure label="Realized" value={fmtPnl(account.realizedPnl)} tone={pnlClass(account.realizedPnl)} testId="acct-realized" />
      <Figure label="Leverage" value={account.leverage === null ? '—' : `${fmtNumber(account.leverage)}×`} testId="acct-leverage" />
    </div>
  );
}
