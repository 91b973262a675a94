import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';

/** Opens a WebSocket from the page and resolves with the close code the engine answers with. */
const closeCodeOf = (url: string): Promise<number> =>
  new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.onclose = (ev) => resolve(ev.code);
  });

test('a missing or wrong token is refused, for the page and for the engine socket', async ({ page, request, app }) => {
  const origin = `http://127.0.0.1:${app.port}`;
  const missing = await request.get(`${origin}/`);
  expect(missing.status()).toBe(401);
  const wrong = await request.get(`${origin}/?token=${'0'.repeat(app.token.length)}`);
  expect(wrong.status()).toBe(401);
  expect(await wrong.text()).toContain('token');

  await page.goto(`${origin}/?token=wrong`);
  await expect(page.locator('body')).toContainText('missing or wrong token');

  // From a page the engine served, a socket without the right token is closed as refused (4401).
  const shell = new AppShell(page, app.url);
  await shell.goto('');
  await expect(shell.connectionState).toHaveAttribute('data-state', 'open');
  expect(await page.evaluate(closeCodeOf, `ws://127.0.0.1:${app.port}/ws?token=wrong`)).toBe(4401);
  expect(await page.evaluate(closeCodeOf, `ws://127.0.0.1:${app.port}/ws`)).toBe(4401);
});

test('a page whose token the engine no longer accepts says so instead of retrying', async ({ page, app }) => {
  // The engine's refusal as seen above (close code 4401), as if it had restarted with a new token.
  let attempts = 0;
  await page.routeWebSocket(/\/ws/, (ws) => {
    attempts++;
    void ws.close({ code: 4401, reason: 'missing or wrong token' });
  });
  const shell = new AppShell(page, app.url);
  await shell.goto('');
  await expect(shell.refused).toContainText('The engine refused this page');
  await expect(shell.refused).toContainText('missing or wrong token');
  await expect(shell.connectionState).toHaveAttribute('data-state', 'closed');
  await expect(shell.connectionState).toContainText('disconnected');
  expect(attempts).toBe(1);
});
