import type { IbConnectionSettings, IbConnectionStatus, IbLogEntry } from '../types';
import { backoffDelay, type BackoffConfig } from './backoff';
import { ConnectionTracker, type ConnectionInput } from './connectionTracker';
import { EventHub, type IbEvents, type IbNotice } from './eventHub';
import { IbSession } from './ibSession';
import { codeMeaning, logLevelOf } from './messageCodes';
import type { OutgoingGate } from './outgoingGate';
import { SessionScope } from './sessionScope';

export type SyncTrigger = 'connect' | 'reconnect' | 'restored' | 'manual';

/** Brings the store in line with TWS on a fresh session (or after a restore); the state is ready once it resolves. */
export type Synchronizer = (scope: SessionScope, trigger: SyncTrigger, dataLost: boolean) => Promise<void>;

export interface ConnectionOptions {
  backoff: BackoffConfig;
  heartbeatMs: number;
  maxReqPerSec: number;
  outgoing: OutgoingGate;
  now: () => number;
  log: (entry: IbLogEntry) => void;
}

/**
 * Keeps one TWS session alive: connects, reconnects with capped exponential backoff after any drop
 * (TWS's nightly restart, a crash, 326, a half-open socket), feeds the connection state machine,
 * and runs the synchronizer whenever a session completes its handshake or IB connectivity returns.
 */
export class ConnectionManager {
  readonly hub: EventHub<IbEvents>;
  readonly tracker: ConnectionTracker;
  private settings: IbConnectionSettings | null = null;
  private session: IbSession | null = null;
  private currentScope: SessionScope | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private everSynced = false;
  /** Why the current socket is about to close, when TWS said so first (326) or the connect failed (502). */
  private closeHint: { reason: string; code: number } | null = null;
  private syncing: Promise<void> | null = null;
  private pendingSync: { trigger: SyncTrigger; dataLost: boolean } | null = null;
  private synchronizer: Synchronizer | null = null;
  private readonly stateListeners = new Set<(s: IbConnectionStatus) => void>();

  constructor(private readonly opts: ConnectionOptions) {
    this.tracker = new ConnectionTracker(opts.now);
    this.hub = new EventHub<IbEvents>((event, err) =>
      this.problem(`a ${event} handler failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
    );
    this.hub.on('notice', (n) => this.onNotice(n));
  }

  setSynchronizer(sync: Synchronizer): void {
    this.synchronizer = sync;
  }

  onState(listener: (s: IbConnectionStatus) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** The live session's scope once its handshake is done; null otherwise. */
  scope(): SessionScope | null {
    return this.currentScope?.alive && this.tracker.handshakeDone ? this.currentScope : null;
  }

  get account(): string | null {
    return this.tracker.status.account;
  }

  get clientId(): number | null {
    return this.settings?.clientId ?? null;
  }

  start(settings: IbConnectionSettings): void {
    this.stop();
    this.settings = settings;
    this.attempt = 0;
    this.everSynced = false;
    this.input({ type: 'start', target: `${settings.host}:${settings.port} as client ${settings.clientId}` });
    this.open();
  }

  stop(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const wasRunning = this.settings !== null;
    this.settings = null;
    this.pendingSync = null;
    const s = this.session;
    this.session = null;
    this.currentScope?.end();
    this.currentScope = null;
    s?.close('disconnected by the trader');
    if (wasRunning) {
      this.log('info', null, 'disconnected');
      this.input({ type: 'stopped' });
    }
  }

  private open(): void {
    const settings = this.settings;
    if (!settings) return;
    this.retryTimer = null;
    this.closeHint = null;
    this.log('info', null, `connecting to ${settings.host}:${settings.port} as client ${settings.clientId}`);
    let session: IbSession | null = null;
    const mine = (): boolean => session !== null && this.session === session;
    session = new IbSession(
      { host: settings.host, port: settings.port, clientId: settings.clientId, heartbeatMs: this.opts.heartbeatMs, maxReqPerSec: this.opts.maxReqPerSec, outgoing: this.opts.outgoing },
      this.hub,
      {
        opened: (version) => {
          if (!mine()) return;
          this.log('info', null, `connected (server version ${version})`);
          this.input({ type: 'socketOpen', serverVersion: version });
        },
        handshake: (kind, accounts) => {
          if (mine()) this.onHandshake(kind, accounts);
        },
        closed: (reason) => {
          if (mine()) this.onClosed(reason);
        },
        problem: (text) => this.problem(text),
      },
      this.opts.now,
    );
    this.session = session;
    this.currentScope = new SessionScope(session, this.hub);
  }

  private onHandshake(kind: 'nextValidId' | 'managedAccounts', accounts: string[]): void {
    const settings = this.settings;
    if (!settings) return;
    if (kind === 'nextValidId') this.input({ type: 'nextValidId' });
    else {
      const account = settings.account ?? accounts[0];
      if (!accounts.includes(account)) this.problem(`account ${account} is not among the accounts TWS manages (${accounts.join(', ')})`);
      this.input({ type: 'managedAccounts', accounts, account });
    }
    if (this.tracker.handshakeDone) this.sync(this.everSynced ? 'reconnect' : 'connect', true);
  }

  /**
   * A reconciliation on request (BrokerInterface.sync): joins the one under way, or runs one without
   * leaving the ready state. Rejects when there is no connection to reconcile with.
   */
  resync(): Promise<void> {
    if (this.syncing) return this.syncing;
    const scope = this.scope();
    if (!scope || this.tracker.state !== 'ready') {
      return Promise.reject(new Error(`cannot reconcile: not connected to TWS (${this.tracker.state})`));
    }
    return this.run(scope, 'manual', false);
  }

  /**
   * Reconciles the current session and marks it ready. One reconciliation runs at a time: a request
   * that comes while one runs (a restore during a manual sync, a new session while the old one's
   * still fails) runs right after it.
   */
  private sync(trigger: SyncTrigger, dataLost: boolean): void {
    const scope = this.currentScope;
    if (!scope) return;
    if (this.syncing) {
      this.pendingSync = { trigger, dataLost: dataLost || (this.pendingSync?.dataLost ?? false) };
      return;
    }
    this.input({ type: 'syncing' });
    this.run(scope, trigger, dataLost).then(
      () => {
        if (scope !== this.currentScope || !scope.alive) return;
        this.everSynced = true;
        this.attempt = 0;
        this.input({ type: 'synced' });
        this.log('info', null, `reconciled with TWS (${trigger})`);
      },
      (err: unknown) => {
        if (scope !== this.currentScope) return;
        this.problem(`reconciliation failed: ${err instanceof Error ? err.message : String(err)}`);
        this.session?.close('reconciliation failed');
      },
    );
  }

  private run(scope: SessionScope, trigger: SyncTrigger, dataLost: boolean): Promise<void> {
    const sync = this.synchronizer;
    if (!sync) return Promise.reject(new Error('no synchronizer'));
    const run = sync(scope, trigger, dataLost).finally(() => {
      this.syncing = null;
      const next = this.pendingSync;
      this.pendingSync = null;
      if (next && this.tracker.handshakeDone) this.sync(next.trigger, next.dataLost);
    });
    this.syncing = run;
    return run;
  }

  private onClosed(reason: string): void {
    const hint = this.closeHint;
    this.session = null;
    this.currentScope?.end();
    this.currentScope = null;
    if (!this.settings) return;
    const why = hint?.reason ?? reason;
    const delay = backoffDelay(this.attempt++, this.opts.backoff);
    this.log('warning', hint?.code ?? null, `${why}; reconnecting in ${(delay / 1000).toFixed(1)} s`);
    this.input({ type: 'closed', reason: why, code: hint?.code ?? null, nextAttemptAt: this.opts.now() + delay });
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  private onNotice(n: IbNotice): void {
    const meaning = codeMeaning(n.code, n.text);
    this.opts.log({ at: this.opts.now(), level: logLevelOf(meaning), code: n.code, id: n.id, text: n.text });
    const settings = this.settings;
    switch (meaning.kind) {
      case 'clientIdInUse':
        this.closeHint = { reason: `client id ${settings?.clientId ?? '?'} is already in use (326): another application is connected with it`, code: 326 };
        return;
      case 'connectFailed':
        this.closeHint = { reason: `cannot connect to ${settings?.host}:${settings?.port} (502): ${n.text}`, code: 502 };
        return;
      case 'clientSideError':
        // 506/503: TWS speaks an API version the pinned client library does not (a TWS or library upgrade).
        if (n.code === 506 || n.code === 503) this.closeHint = { reason: `TWS's API version is not supported (${n.code}): ${n.text}`, code: n.code };
        return;
      case 'connectivityLost':
        this.input({ type: 'connectivityLost', code: n.code, text: n.code === 1100 ? 'connectivity between IB and TWS lost' : 'connectivity between TWS and the IB server broken' });
        return;
      case 'connectivityRestored':
        this.input({ type: 'connectivityRestored', code: n.code });
        if (this.tracker.handshakeDone) this.sync('restored', meaning.dataLost);
        return;
      case 'socketReset':
        this.session?.close('TWS reset the API socket (1300)');
        return;
      case 'farm':
        this.input({ type: 'farm', farm: meaning.farm, status: meaning.status });
        return;
      default:
        return;
    }
  }

  private input(i: ConnectionInput): void {
    if (!this.tracker.apply(i)) return;
    const status = this.tracker.status;
    for (const l of [...this.stateListeners]) {
      try {
        l(status);
      } catch (err) {
        this.problem(`a connection state listener failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  private log(level: IbLogEntry['level'], code: number | null, text: string): void {
    this.opts.log({ at: this.opts.now(), level, code, id: null, text });
  }

  private problem(text: string): void {
    this.log('error', null, text);
  }
}
