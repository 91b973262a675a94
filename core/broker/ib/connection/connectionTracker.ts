import type { FarmStatus, IbConnectionState, IbConnectionStatus } from '../types';

/** What happened to the connection, as the connection manager observed it. */
export type ConnectionInput =
  | { type: 'start'; target: string }
  | { type: 'socketOpen'; serverVersion: number }
  | { type: 'nextValidId' }
  | { type: 'managedAccounts'; accounts: string[]; account: string }
  | { type: 'syncing' }
  | { type: 'synced' }
  | { type: 'connectivityLost'; code: number; text: string }
  | { type: 'connectivityRestored'; code: number }
  | { type: 'farm'; farm: string; status: FarmStatus }
  | { type: 'closed'; reason: string; code: number | null; nextAttemptAt: number | null }
  | { type: 'stopped' };

/**
 * The connection state machine. Ready needs nextValidId, managedAccounts and a finished
 * reconciliation on the current socket; 1100/2110 make it degraded until a restore (1101/1102) has
 * been reconciled; a closed socket means reconnecting until the next session is ready.
 * Farm notices are kept per farm but never block trading: a broken farm of another market (e.g.
 * usfuture) must not halt stock orders, and IB routes orders without the data farms.
 */
export class ConnectionTracker {
  private alive = false;
  private stopped = true;
  private everReady = false;
  private gotNextValidId = false;
  private gotAccounts = false;
  private synced = false;
  /** Set by 1100/2110; cleared once the restore after it has been reconciled. */
  private lost: { code: number; text: string } | null = null;
  private restoring = false;
  private closedReason: { reason: string; code: number | null } | null = null;
  private target = '';
  private current: IbConnectionStatus;

  constructor(private readonly now: () => number) {
    this.current = {
      state: 'disconnected',
      reason: null,
      since: now(),
      code: null,
      accounts: [],
      account: null,
      serverVersion: null,
      farms: {},
      nextAttemptAt: null,
    };
  }

  get status(): IbConnectionStatus {
    return this.current;
  }

  get state(): IbConnectionState {
    return this.current.state;
  }

  /** Nothing may be sent before this: both handshake messages have arrived on the current socket. */
  get handshakeDone(): boolean {
    return this.alive && this.gotNextValidId && this.gotAccounts;
  }

  /** Applies one input; returns true when the visible status changed. */
  apply(input: ConnectionInput): boolean {
    const s = { ...this.current, farms: { ...this.current.farms } };
    switch (input.type) {
      case 'start':
        this.stopped = false;
        this.target = input.target;
        this.closedReason = null;
        break;
      case 'socketOpen':
        this.alive = true;
        this.gotNextValidId = false;
        this.gotAccounts = false;
        this.synced = false;
        this.lost = null;
        this.restoring = false;
        s.serverVersion = input.serverVersion;
        s.nextAttemptAt = null;
        break;
      case 'nextValidId':
        this.gotNextValidId = true;
        break;
      case 'managedAccounts':
        this.gotAccounts = true;
        s.accounts = input.accounts;
        s.account = input.account;
        break;
      case 'syncing':
        this.synced = false;
        break;
      case 'synced':
        this.synced = true;
        this.everReady = true;
        this.closedReason = null;
        if (this.restoring) {
          this.lost = null;
          this.restoring = false;
        }
        break;
      case 'connectivityLost':
        this.lost = { code: input.code, text: input.text };
        this.restoring = false;
        break;
      case 'connectivityRestored':
        if (this.lost) this.restoring = true;
        break;
      case 'farm':
        s.farms[input.farm] = input.status;
        break;
      case 'closed':
        this.alive = false;
        this.synced = false;
        this.lost = null;
        this.restoring = false;
        this.closedReason = { reason: input.reason, code: input.code };
        s.nextAttemptAt = input.nextAttemptAt;
        s.farms = {};
        break;
      case 'stopped':
        this.stopped = true;
        this.alive = false;
        this.synced = false;
        this.lost = null;
        s.nextAttemptAt = null;
        s.farms = {};
        break;
    }
    const [state, reason, code] = this.derive();
    s.state = state;
    s.reason = reason;
    s.code = code;
    if (state !== this.current.state) s.since = this.now();
    const changed = JSON.stringify(s) !== JSON.stringify(this.current);
    this.current = s;
    return changed;
  }

  private derive(): [IbConnectionState, string | null, number | null] {
    if (this.stopped) return ['disconnected', null, null];
    if (!this.alive) {
      const why = this.closedReason;
      if (!why) return ['connecting', `connecting to ${this.target}`, null];
      return ['reconnecting', why.reason, why.code];
    }
    if (!this.synced || this.restoring) {
      if (this.lost) return ['degraded', `${this.lost.text} (${this.lost.code}); reconciling after the restore`, this.lost.code];
      const waiting = !this.gotNextValidId || !this.gotAccounts;
      const reason = waiting ? 'waiting for nextValidId and managedAccounts' : 'reconciling orders, positions and executions';
      return [this.everReady ? 'reconnecting' : 'connecting', reason, null];
    }
    if (this.lost) return ['degraded', `${this.lost.text} (${this.lost.code})`, this.lost.code];
    return ['ready', null, null];
  }
}
