// Where e2e finds a Chromium: Playwright's own browser download cannot run on our machines, so the
// specs drive a system Chromium, and a missing one is explained in one line instead of Playwright's
// bare "executable doesn't exist".
import { accessSync, constants } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @returns {{ path: string } | { error: string }} */
export function findChromium(env = process.env, candidates = CANDIDATES) {
  const chosen = env.CHROMIUM_PATH;
  if (chosen !== undefined && chosen !== '') {
    return executable(chosen)
      ? { path: chosen }
      : { error: `CHROMIUM_PATH=${chosen} is not an executable file: point it at a Chromium or Chrome binary` };
  }
  const found = candidates.find(executable);
  if (found !== undefined) return { path: found };
  return {
    error: `e2e needs Chromium and none was found (${candidates.join(', ')}): install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary`,
  };
}
