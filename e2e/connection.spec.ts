import type { WebSocketRoute } from '@playwright/test';
import { expect, quickSpec, seedRun, test } from './fixtures';
import { BacktestsPage } from './pages/BacktestsPage';

test('a dropped connection shows reconnecting…, comes back by itself and re-fetches what it missed', async ({ page, app }) => {
  // Every socket the page opens goes through here: forwarded to the engine, or refused while "down".
  let down = false;
  const live: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/ws/, (ws) => {
    if (down) {
      void ws.close({ code: 1012, reason: 'engine restarting' });
      return;
    }
    ws.connectToServer();
    live.push(ws);
  });

  const list = new BacktestsPage(page, app.url);
  await list.open();
  const state = list.connectionState;
  await expect(state).toHaveAttribute('data-state', 'open');
  await expect(state).toContainText('Engine connected');
  await expect(list.empty).toBeVisible();

  down = true;
  for (const ws of live.splice(0)) await ws.close({ code: 1012, reason: 'engine restarting' });
  await expect(state).toHaveAttribute('data-state', 'reconnecting');
  await expect(state).toContainText('reconnecting…');

  // A run recorded while the page was cut off: no event reached it.
  await seedRun(app, quickSpec('made while away'));
  down = false;
  await expect(state).toHaveAttribute('data-state', 'open', { timeout: 15_000 });
  await expect(list.row('made while away')).toHaveAttribute('data-status', 'completed');
});
