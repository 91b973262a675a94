import { describe, expect, it } from 'vitest';
import { electronArgs, ENGINE_JS_FLAGS } from './launchArgs';
import { firstLine, missingDisplay } from './preflight';

describe('missingDisplay', () => {
  it('needs DISPLAY or WAYLAND_DISPLAY on Linux only', () => {
    expect(missingDisplay({}, 'linux')).toMatch(/no display/);
    expect(missingDisplay({ DISPLAY: ':0' }, 'linux')).toBeNull();
    expect(missingDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeNull();
    expect(missingDisplay({}, 'darwin')).toBeNull();
    expect(missingDisplay({}, 'win32')).toBeNull();
  });
});

describe('firstLine', () => {
  it('keeps the first non-empty line of a failure', () => {
    expect(firstLine('\n  TypeError: fetch failed\n    at node:internal/deps/undici\n')).toBe('TypeError: fetch failed');
    expect(firstLine('')).toBe('no output');
  });
});

describe('electronArgs', () => {
  it('puts the engine V8 flags on the command line, before the app folder', () => {
    expect(electronArgs('/app', ['--inspect'])).toEqual([`--js-flags=${ENGINE_JS_FLAGS}`, '/app', '--inspect']);
    expect(ENGINE_JS_FLAGS).toContain('--single-threaded-gc');
  });
});
