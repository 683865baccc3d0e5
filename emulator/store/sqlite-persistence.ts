import type BetterSqlite3 from "better-sqlite3";
import type { StoredOffer } from "../model";
import type { Change, Counters, PersistedState, Persistence } from "./persistence";

type Database = BetterSqlite3.Database;

/**
 * Offers in a SQLite file: WAL with synchronous=FULL, each change in one transaction, so a
 * write acknowledged to a client survives a crash or restart and none is ever half-applied.
 */
export class SqlitePersistence implements Persistence {
  private readonly db: Database;

  constructor(file: string) {
    // Loaded only here, so the in-memory emulator works where the native module is missing.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Sqlite = require("better-sqlite3") as typeof BetterSqlite3;
    this.db = new Sqlite(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL");
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS offers (id INTEGER PRIMARY KEY, document TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
    `);
  }

  load(): PersistedState {
    const rows = this.db.prepare("SELECT document FROM offers ORDER BY id").all() as Array<{
      document: string;
    }>;
    const counterRows = this.db.prepare("SELECT name, value FROM counters").all() as Array<{
      name: string;
      value: number;
    }>;
    const counter = (name: keyof Counters) =>
      counterRows.find((row) => row.name === name)?.value ?? 0;
    return {
      offers: rows.map((row) => JSON.parse(row.document) as StoredOffer),
      counters: { lastOfferId: counter("lastOfferId"), lastLandingId: counter("lastLandingId") },
    };
  }

  commit(change: Change): void {
    const upsert = this.db.prepare(
      "INSERT INTO offers (id, document) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET document = excluded.document",
    );
    const remove = this.db.prepare("DELETE FROM offers WHERE id = ?");
    const setCounter = this.db.prepare(
      "INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
    );
    this.db.transaction(() => {
      for (const offer of change.put) upsert.run(offer.id, JSON.stringify(offer));
      for (const id of change.remove) remove.run(id);
      for (const [name, value] of Object.entries(change.counters)) setCounter.run(name, value);
    })();
  }

  close(): void {
    this.db.close();
  }
}
