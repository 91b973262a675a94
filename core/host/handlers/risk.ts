import type Database from 'better-sqlite3';
import type { HandlersFor } from '../../ipc/contract';
import type { riskMethods } from '../../ipc/contract/risk';
import { accountRiskReport, type AccountSnapshot } from '../../service/risk/accountRiskReport';
import { runRiskReport } from '../../service/risk/runRiskReport';

/** The part of the trading service the account report reads. */
export interface AccountSource {
  readonly mode: AccountSnapshot['mode'];
  state(): Pick<AccountSnapshot, 'account' | 'positions'>;
}

/** `risk.report` (a run's report) and `risk.account` (the paper/live account's): each stored, then returned. */
export function riskHandlers(db: Database.Database, trading: AccountSource, clock: () => number = Date.now): HandlersFor<typeof riskMethods> {
  return {
    'risk.report': ({ runId, asOf, scenarios, rollingWindow }) => runRiskReport(db, { runId, asOf, scenarios, rollingWindow }, clock()),
    'risk.account': ({ scenarios, rollingWindow }) => {
      const { account, positions } = trading.state();
      return accountRiskReport(db, { mode: trading.mode, account, positions }, { scenarios, rollingWindow }, clock());
    },
  };
}
