import { errorFields, logFor } from '../core/log/log';
import type { WebContents } from 'electron';
import { safeExternalUrl } from './security';

export type OpenExternal = (url: string) => Promise<void>;

/**
 * Keeps every web contents on the page it was given: navigations (any frame), redirects and
 * <webview> are denied, and so are new windows; a new-window request for an https: link is handed
 * to the OS browser instead. Installed on every web contents the app creates.
 */
export function guardWebContents(contents: WebContents, openExternal: OpenExternal): void {
  const deny = (event: { preventDefault(): void }): void => event.preventDefault();
  contents.on('will-navigate', deny);
  contents.on('will-frame-navigate', deny);
  contents.on('will-redirect', deny);
  contents.on('will-attach-webview', deny);
  contents.setWindowOpenHandler(({ url }) => {
    const external = safeExternalUrl(url);
    if (external !== null) {
      openExternal(external).catch((err: unknown) => logFor('window').warn(`could not open ${external} in the browser`, errorFields(err)));
    }
    return { action: 'deny' };
  });
}
