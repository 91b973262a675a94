import { EventEmitter } from 'node:events';
import type { HandlerDetails, WebContents, WindowOpenHandlerResponse } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { guardWebContents } from './windowGuards';
import { setLogSink } from '../core/log/log';

/** Emits Electron's navigation events the way webContents does: listeners may call preventDefault. */
class FakeContents extends EventEmitter {
  openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  setWindowOpenHandler(fn: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.openHandler = fn;
  }
  /** True when some listener prevented the default action. */
  attempt(event: string, url: string): boolean {
    let prevented = false;
    this.emit(event, { url, preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
  open(url: string): WindowOpenHandlerResponse {
    if (!this.openHandler) throw new Error('no window-open handler');
    return this.openHandler({ url } as HandlerDetails);
  }
}

describe('guardWebContents', () => {
  let contents: FakeContents;
  let opened: string[];

  beforeEach(() => {
    contents = new FakeContents();
    opened = [];
    guardWebContents(contents as unknown as WebContents, async (url) => {
      opened.push(url);
    });
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('denies %s, wherever it goes', (event) => {
    expect(contents.attempt(event, 'https://evil.example/')).toBe(true);
    expect(contents.attempt(event, 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt(event, 'file:///opt/tradedesk/dist/renderer/index.html')).toBe(true);
  });

  it('denies <webview>', () => {
    expect(contents.attempt('will-attach-webview', 'https://evil.example/')).toBe(true);
  });

  it('denies every new window and opens only https links in the OS browser', () => {
    for (const url of ['https://example.com/docs', 'http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'about:blank']) {
      expect(contents.open(url)).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://example.com/docs']);
  });

  it('keeps denying when the OS browser cannot be opened', async () => {
    const failing = new FakeContents();
    const lines: string[] = [];
    const restore = setLogSink((level, component, msg, fields) => lines.push(`${level} ${component} ${msg} ${JSON.stringify(fields)}`));
    guardWebContents(failing as unknown as WebContents, () => Promise.reject(new Error('no browser')));
    expect(failing.open('https://example.com/')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(lines).toEqual(['warn window could not open https://example.com/ in the browser {"err":"no browser"}']));
    restore();
  });
});
