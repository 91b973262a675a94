import type Database from 'better-sqlite3';
import { IbBroker, type IbBrokerOptions } from '../../broker/ib/IbBroker';
import { logIbActivity } from '../../broker/ib/ibActivityLog';
import type { BrokerFactory } from './tradingBroker';

/** The host's broker: the Interactive Brokers adapter, in the session's mode, recording into the app database and the engine log. */
export function ibBrokerFactory(db: Database.Database, options: Omit<Partial<IbBrokerOptions>, 'mode' | 'db'> = {}): BrokerFactory {
  return (settings) => {
    const broker = new IbBroker({ ...options, mode: settings.mode, db });
    logIbActivity(broker);
    return broker;
  };
}
