import type Database from 'better-sqlite3';
import { AlpacaBroker, type AlpacaBrokerOptions } from '../../broker/alpaca/AlpacaBroker';
import { IbBroker, type IbBrokerOptions } from '../../broker/ib/IbBroker';
import { logIbActivity } from '../../broker/ib/ibActivityLog';
import { logFor } from '../../log/log';
import { sessionOf, type BrokerFactory } from './tradingBroker';

export interface BrokerFactoryOptions {
  ib?: Omit<Partial<IbBrokerOptions>, 'mode' | 'db'>;
  alpaca?: Omit<Partial<AlpacaBrokerOptions>, 'mode' | 'db'>;
}

/**
 * The host's brokers: the Interactive Brokers adapter for a TWS / IB Gateway session, the Alpaca adapter
 * for an Alpaca one; each in the session's mode, recording into the app database, its activity in the
 * engine log, and bound to the session's target.
 */
export function brokerFactory(db: Database.Database, options: BrokerFactoryOptions = {}): BrokerFactory {
  return (settings) => {
    if (settings.broker === 'alpaca') {
      const alpaca = new AlpacaBroker({ ...options.alpaca, mode: settings.mode, db });
      logIbActivity(alpaca, logFor('alpaca'));
      return sessionOf(alpaca, settings.target);
    }
    const broker = new IbBroker({ ...options.ib, mode: settings.mode, db });
    logIbActivity(broker);
    return sessionOf(broker, settings.target);
  };
}
