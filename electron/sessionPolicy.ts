import type { Session } from 'electron';

/**
 * Session-wide rules: every permission (camera, notifications, clipboard, devices...) is refused,
 * and every response carries the CSP (app:// responses also set it themselves, in appProtocol.ts);
 * the renderer's index.html carries the same policy in a <meta> tag as well.
 */
export function applySessionPolicy(session: Session, csp: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}
