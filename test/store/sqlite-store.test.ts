/** Runs the Store contract on SQLite (a real file in a temp dir), plus SQLite-only checks. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteStore, StoreError, migrateSqlite, sqliteMigrations } from '../../src/store/index.js';
import { describeStoreContract } from './contract.js';

let dir = '';
describeStoreContract('sqlite', {
  async open() {
    dir = mkdtempSync(join(tmpdir(), 'marsad-store-'));
    return new SqliteStore({ path: join(dir, 'marsad.db') });
  },
  async cleanup() {
    rmSync(dir, { recursive: true, force: true });
  },
});

describe('SQLite store specifics', () => {
  it('uses WAL mode and records migrations once', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'marsad-store-'));
    const path = join(tmp, 'nested', 'marsad.db');
    const store = new SqliteStore({ path });
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await store.close();
    const again = new SqliteStore({ path });
    const rows = again.db.prepare('SELECT version, name FROM schema_migrations').all();
    expect(rows).toEqual(sqliteMigrations.map((m) => ({ version: m.version, name: m.name })));
    await again.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('applies appended migrations and refuses a database newer than the code', () => {
    const db = new Database(':memory:');
    const extra = [...sqliteMigrations, { version: sqliteMigrations.length + 1, name: 'extra', up: 'CREATE TABLE extra (x INTEGER)' }];
    expect(migrateSqlite(db, extra)).toBe(extra.length);
    expect(migrateSqlite(db, extra)).toBe(0);
    expect(() => migrateSqlite(db, sqliteMigrations)).toThrow(StoreError);
    db.close();
  });
});
