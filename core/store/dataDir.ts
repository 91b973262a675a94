import { homedir } from 'node:os';
import path from 'node:path';

const APP_DIR = 'tradedesk';

/**
 * Where the app keeps its data: TRADEDESK_DATA_DIR if set, else the platform's per-user app-data dir.
 * Parameters exist so tests can ask for another platform's answer.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env.TRADEDESK_DATA_DIR;
  if (override) return override;
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), APP_DIR);
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_DIR);
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  return path.posix.join(xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.local', 'share'), APP_DIR);
}

export function defaultDbPath(dataDir: string = defaultDataDir()): string {
  return path.join(dataDir, 'tradedesk.db');
}
