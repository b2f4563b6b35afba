import pg from 'pg';
import { toRunStoreError } from '../errors.js';
import type { SessionStore } from '../sessions/session-store.js';
import type { RunStore } from '../store/run-store.js';
import { migratePostgres } from './pg-migrations.js';
import { PgRunStore } from './pg-run-store.js';
import { PgSessionStore } from './pg-session-store.js';

export const DEFAULT_PG_SCHEMA = 'rmos_runs';

/** One pool for runs and sessions; the schema is migrated on open (unless read-only). */
export async function openPostgresStores(options: {
  databaseUrl: string;
  schema?: string;
  readOnly?: boolean;
  clock?: () => Date;
}): Promise<{ runs: RunStore; sessions: SessionStore; close(): Promise<void> }> {
  const schema = options.schema ?? DEFAULT_PG_SCHEMA;
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: 4,
    connectionTimeoutMillis: 10_000,
    // A read-only open (auditors) cannot write even by mistake.
    options: options.readOnly ? '-c default_transaction_read_only=on' : undefined,
  });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    if (!options.readOnly) await migratePostgres(pool, schema);
    else await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw toRunStoreError(error, 'open');
  }
  let closed = false;
  return {
    runs: new PgRunStore(pool, schema, options.clock),
    sessions: new PgSessionStore(pool, schema),
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
