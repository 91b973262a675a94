import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Thrown when a database records a migration this build does not ship: it was written by another (newer) app. */
export class UnknownMigrationError extends Error {
  constructor(
    readonly file: string,
    readonly version: number,
    readonly migrationName: string,
    detail: string,
  ) {
    super(
      `database ${file} records migration ${label(version, migrationName)} ${detail}; ` +
        'refusing to open it (was it written by a newer or different tradedesk build?)',
    );
    this.name = 'UnknownMigrationError';
  }
}

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const FILE_PATTERN = /^(\d{3})_([a-z0-9_]+)\.sql$/;

function label(version: number, name: string): string {
  return `${String(version).padStart(3, '0')}_${name}`;
}

/** Reads NNN_name.sql files in version order; a misnamed or duplicated file is a packaging bug, so it throws. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.sql')) continue;
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new Error(`migration file ${join(dir, file)} is not named NNN_name.sql (lowercase name)`);
    const version = Number(match[1]);
    if (migrations.some((m) => m.version === version)) {
      throw new Error(`migration version ${match[1]} appears twice in ${dir}`);
    }
    migrations.push({ version, name: match[2], sql: readFileSync(join(dir, file), 'utf8') });
  }
  return migrations.sort((a, b) => a.version - b.version);
}

/**
 * Checks the recorded history against `migrations`, then applies the missing ones, each in its own
 * transaction together with its schema_migrations row, so a failing migration leaves no trace.
 * Returns the versions applied.
 */
export function applyMigrations(db: Database.Database, file: string, migrations: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
  const recorded = db
    .prepare('SELECT version, name FROM schema_migrations ORDER BY version')
    .all() as { version: number; name: string }[];
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const r of recorded) {
    const m = known.get(r.version);
    if (!m) throw new UnknownMigrationError(file, r.version, r.name, 'which this app does not know');
    if (m.name !== r.name) {
      throw new UnknownMigrationError(file, r.version, r.name, `but this app's migration ${r.version} is ${label(m.version, m.name)}`);
    }
  }
  const done = new Set(recorded.map((r) => r.version));
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  const isRecorded = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    const ran = db.transaction((): boolean => {
      // Another process opening the same new file may have applied it while this one waited for the lock.
      if (isRecorded.get(m.version) !== undefined) return false;
      try {
        db.exec(m.sql);
      } catch (err) {
        throw new Error(`migration ${label(m.version, m.name)} failed on ${file}: ${(err as Error).message}`, { cause: err });
      }
      record.run(m.version, m.name, Date.now());
      return true;
    }).immediate();
    if (ran) applied.push(m.version);
  }
  return applied;
}
