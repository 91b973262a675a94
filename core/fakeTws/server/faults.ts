import type { FakeTwsFaults } from '../index';
import { errorMessage } from '../wire/serverMessages';
import type { DropMode, FaultState } from './context';
import type { Session } from './session';

export const FARM_NOTICES: readonly [number, string][] = [
  [2104, 'Market data farm connection is OK:usfarm'],
  [2106, 'HMDS data farm connection is OK:ushmds'],
  [2158, 'Sec-def data farm connection is OK:secdefnj'],
];

export function noFaults(): FaultState {
  return {
    dropNextOrder: null,
    clientIdInUse: new Set(),
    fillsWithoutOrderStatus: false,
    duplicateExecDetails: false,
    rejectNext: null,
    pacingNext: false,
    marketDataNotSubscribed: false,
    malformedRealTimeBar: false,
  };
}

/** What the faults act on. */
export interface FaultHost {
  readonly sessions: ReadonlySet<Session>;
  readonly faults: FaultState;
  log(line: string): void;
  /** Forgets the order ids clients used: NEXT_VALID_ID starts again at `id`. */
  rollBackNextValidId(id: number): void;
  /** Stops accepting connections for `ms`, then listens on the same port again. */
  goDown(ms: number): Promise<void>;
}

export function createFaults(host: FaultHost): FakeTwsFaults {
  const f = host.faults;
  const dropAll = (): void => {
    for (const s of [...host.sessions]) s.drop();
  };
  const everyReady = (fn: (s: Session) => void): void => {
    for (const s of host.sessions) if (s.ready) fn(s);
  };
  return {
    dropConnections: () => {
      host.log(`fault: dropping ${host.sessions.size} connection(s)`);
      dropAll();
    },
    dropOnNextOrder: (mode: DropMode = 'beforeAck') => {
      f.dropNextOrder = mode;
    },
    restart: async (opts = {}) => {
      const rollBack = opts.rollBackNextValidId;
      host.log(`fault: restart${rollBack !== undefined ? `, next valid id rolled back to ${rollBack}` : ''}`);
      dropAll();
      if (rollBack !== undefined) host.rollBackNextValidId(rollBack);
      if ((opts.downMs ?? 0) > 0) await host.goDown(opts.downMs ?? 0);
    },
    connectivityLost: () => {
      everyReady((s) => s.error(-1, 1100, 'Connectivity between IB and Trader Workstation has been lost.'));
    },
    connectivityRestored: (dataLost: boolean) => {
      everyReady((s) => {
        if (dataLost) {
          s.forgetSubscriptions();
          s.error(-1, 1101, 'Connectivity between IB and TWS has been restored- data lost.*');
        } else {
          s.error(-1, 1102, 'Connectivity between IB and TWS has been restored- data maintained.');
        }
        for (const [code, text] of FARM_NOTICES) s.error(-1, code, text);
      });
    },
    clientIdInUse: (clientId: number) => {
      f.clientIdInUse.add(clientId);
    },
    fillsWithoutOrderStatus: (on = true) => {
      f.fillsWithoutOrderStatus = on;
    },
    duplicateExecDetails: (on = true) => {
      f.duplicateExecDetails = on;
    },
    rejectNextOrder: (code = 201, text = 'Order rejected - reason:rejected by the fake TWS (scripted fault)') => {
      f.rejectNext = { code, text };
    },
    pacingViolationNext: () => {
      f.pacingNext = true;
    },
    sendMalformedError: () => {
      // stoqey JSON.parses this field before it looks at the id: the throw escapes its socket handler.
      everyReady((s) => s.send(errorMessage(0, 201, 'Order rejected - reason:malformed reject details', '{"rejectReason":')));
    },
    halfOpen: () => {
      host.log(`fault: ${host.sessions.size} connection(s) go half-open`);
      for (const s of host.sessions) s.halfOpen = true;
    },
    marketDataNotSubscribed: (on = true) => {
      f.marketDataNotSubscribed = on;
    },
    malformedRealTimeBarNext: () => {
      f.malformedRealTimeBar = true;
    },
  };
}
