import { describe, expect, it } from 'vitest';
import { defaultDataDir, defaultDbPath } from './dataDir';

describe('defaultDataDir', () => {
  it('uses TRADEDESK_DATA_DIR over any platform default', () => {
    expect(defaultDataDir({ TRADEDESK_DATA_DIR: '/data/td', APPDATA: 'C:\\x' }, 'win32', '/home/u')).toBe('/data/td');
  });

  it('uses %APPDATA% on Windows', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\tradedesk',
    );
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/tradedesk');
  });

  it('uses XDG_DATA_HOME on Linux when absolute, else ~/.local/share', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/tradedesk');
    expect(defaultDataDir({ XDG_DATA_HOME: 'relative' }, 'linux', '/home/u')).toBe('/home/u/.local/share/tradedesk');
    expect(defaultDataDir({}, 'linux', '/home/u')).toBe('/home/u/.local/share/tradedesk');
  });

  it('puts the database file in the data dir', () => {
    expect(defaultDbPath('/d')).toBe('/d/tradedesk.db');
  });
});
