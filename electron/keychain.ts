import type { FromHost, KeychainOp, ToHost } from './hostMessages';

/** The part of Electron's safeStorage (main process only) the keychain uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(sealed: Buffer): string;
}

type KeychainRequest = Extract<FromHost, { type: 'keychain' }>;
type KeychainResult = Extract<ToHost, { type: 'keychain-result' }>;

/**
 * Main's side: does one of the engine's keychain requests with safeStorage (only main may use it). Sealed
 * bytes and the opened text cross the engine's own port only; errors say what failed, never the text.
 */
export function answerKeychain(safe: SafeStorageLike | null, req: KeychainRequest): KeychainResult {
  const { id } = req;
  if (safe === null) return { type: 'keychain-result', id, ok: false, error: 'no OS keychain in this process' };
  try {
    if (req.op === 'available') return { type: 'keychain-result', id, ok: true, available: safe.isEncryptionAvailable() };
    if (!safe.isEncryptionAvailable()) return { type: 'keychain-result', id, ok: false, error: 'the OS keychain is not available' };
    if (req.op === 'seal') return { type: 'keychain-result', id, ok: true, data: new Uint8Array(safe.encryptString(req.text ?? '')) };
    return { type: 'keychain-result', id, ok: true, text: safe.decryptString(Buffer.from(req.data ?? new Uint8Array())) };
  } catch (err) {
    return { type: 'keychain-result', id, ok: false, error: `the OS keychain refused to ${req.op}: ${err instanceof Error ? err.name : 'error'}` };
  }
}

/**
 * The engine's side: the host's key sealer (createHost's `keySealer`), whose work main does over the
 * utility process's port. Each request waits for its answer by id; `receive` takes main's answers.
 */
export class PortSealer {
  private seq = 0;
  private readonly waiting = new Map<number, (r: KeychainResult) => void>();

  constructor(private readonly post: (msg: FromHost) => void) {}

  receive(result: KeychainResult): void {
    const done = this.waiting.get(result.id);
    this.waiting.delete(result.id);
    done?.(result);
  }

  async available(): Promise<boolean> {
    return (await this.ask('available', {})).available === true;
  }

  async seal(text: string): Promise<Uint8Array> {
    const r = await this.ask('seal', { text });
    if (!r.data) throw new Error('the OS keychain gave nothing back');
    return r.data;
  }

  async open(sealed: Uint8Array): Promise<string> {
    const r = await this.ask('open', { data: new Uint8Array(sealed) });
    if (r.text === undefined) throw new Error('the OS keychain gave nothing back');
    return r.text;
  }

  private ask(op: KeychainOp, body: { text?: string; data?: Uint8Array<ArrayBuffer> }): Promise<KeychainResult> {
    const id = ++this.seq;
    return new Promise<KeychainResult>((resolve, reject) => {
      this.waiting.set(id, (r) => (r.ok ? resolve(r) : reject(new Error(r.error ?? 'the OS keychain failed'))));
      this.post({ type: 'keychain', id, op, ...body });
    });
  }
}
