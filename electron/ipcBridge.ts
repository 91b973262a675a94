import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { BRIDGE_CALL_CHANNEL, BRIDGE_EVENT_CHANNEL } from '../core/ipc/bridge';
import type { EventBus } from '../core/ipc/eventBus';
import type { Router } from '../core/ipc/router';
import { requestFrameSchema, type CallResult } from '../core/ipc/wire';
import { logFor } from '../core/log/log';
import { isAllowedRendererUrl, type RendererOrigin } from './security';

/** What the preload sends on the call channel: the WebSocket's request frame without its id (invoke pairs the answer). */
export const bridgeFrameSchema = requestFrameSchema.omit({ id: true });

export interface BridgeOptions {
  /** The one window whose page may call the engine. */
  contents: WebContents;
  router: Router;
  bus: EventBus;
  origin: RendererOrigin;
}

/** Why an IPC message must not reach the engine, or null when it comes from our window's own page. */
export function senderRefusal(event: IpcMainInvokeEvent, contents: WebContents, origin: RendererOrigin): string | null {
  if (event.sender.id !== contents.id) return 'it does not come from the app window';
  const frame = event.senderFrame;
  if (frame === null) return 'its frame is gone';
  if (frame.parent !== null) return 'it comes from a sub-frame';
  if (!isAllowedRendererUrl(frame.url, origin)) return `it comes from a foreign page (${frame.url.slice(0, 200)})`;
  return null;
}

const refused: CallResult = { ok: false, error: { code: 'UNAUTHORIZED', message: 'the call was refused: it does not come from the app page' } };
const malformed: CallResult = { ok: false, error: { code: 'BAD_INPUT', message: 'malformed call: expected one { method, input } frame' } };

/**
 * Connects the window's page to the engine over the fixed channel pair: calls are checked (sender,
 * then frame shape) and handed to the router, which validates the input; the engine's pushed events
 * go to the page. Returns the teardown, which also runs when the window's contents are destroyed.
 */
export function registerBridge({ contents, router, bus, origin }: BridgeOptions): () => void {
  ipcMain.handle(BRIDGE_CALL_CHANNEL, async (event, ...args: unknown[]): Promise<CallResult> => {
    const refusal = senderRefusal(event, contents, origin);
    if (refusal !== null) {
      logFor('ipc').warn(`refused a call on ${BRIDGE_CALL_CHANNEL}: ${refusal}`);
      return refused;
    }
    const frame = args.length === 1 ? bridgeFrameSchema.safeParse(args[0]) : null;
    if (!frame?.success) return malformed;
    return router.call(frame.data.method, frame.data.input);
  });
  const unsubscribe = bus.subscribe((event, payload) => {
    // Navigation is denied, but an event must never reach a page that is not ours.
    if (contents.isDestroyed() || !isAllowedRendererUrl(contents.getURL(), origin)) return;
    contents.send(BRIDGE_EVENT_CHANNEL, event, payload);
  });
  let disposed = false;
  const dispose = (): void => {
    if (disposed) return;
    disposed = true;
    unsubscribe();
    ipcMain.removeHandler(BRIDGE_CALL_CHANNEL);
  };
  contents.once('destroyed', dispose);
  return dispose;
}
