import type pg from 'pg';
import { RUN_GENESIS_HASH } from '@luthier/rmos-contracts';

/** A schema name we create and quote ourselves: plain lower-case identifiers only. */
export function assertSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`bad PostgreSQL schema name ${JSON.stringify(schema)}`);
  return schema;
}

/**
 * Versioned migrations of the PostgreSQL store. `{{S}}` is replaced by the quoted
 * schema. Each runs once, in order, with its row in schema_migrations, under an
 * advisory lock so that several instances starting at once migrate exactly once.
 * Never edit a released migration: append a new one.
 */
export const PG_MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'run artifacts, attachments, chain head, derived index, sessions',
    sql: `
      CREATE FUNCTION {{S}}.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'RUN_ARTIFACT_IMMUTABLE: % on %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME;
      END $$;

      CREATE TABLE {{S}}.run_artifacts (
        seq bigint PRIMARY KEY,
        run_id text NOT NULL UNIQUE,
        -- The canonical JSON text, byte for byte (jsonb would re-encode it and break the hash).
        body text NOT NULL
      );
      CREATE TRIGGER run_artifacts_immutable BEFORE UPDATE OR DELETE ON {{S}}.run_artifacts
        FOR EACH ROW EXECUTE FUNCTION {{S}}.refuse_change();
      CREATE TRIGGER run_artifacts_no_truncate BEFORE TRUNCATE ON {{S}}.run_artifacts
        FOR EACH STATEMENT EXECUTE FUNCTION {{S}}.refuse_change();

      CREATE TABLE {{S}}.run_attachments (
        sha256 text PRIMARY KEY,
        media_type text NOT NULL,
        size_bytes bigint NOT NULL,
        bytes bytea NOT NULL
      );
      CREATE TRIGGER run_attachments_immutable BEFORE UPDATE OR DELETE ON {{S}}.run_attachments
        FOR EACH ROW EXECUTE FUNCTION {{S}}.refuse_change();
      CREATE TRIGGER run_attachments_no_truncate BEFORE TRUNCATE ON {{S}}.run_attachments
        FOR EACH STATEMENT EXECUTE FUNCTION {{S}}.refuse_change();

      CREATE TABLE {{S}}.run_chain_head (
        id smallint PRIMARY KEY CHECK (id = 1),
        seq bigint NOT NULL,
        head_hash text NOT NULL
      );
      INSERT INTO {{S}}.run_chain_head (id, seq, head_hash) VALUES (1, 0, '${RUN_GENESIS_HASH}');
      CREATE FUNCTION {{S}}.head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR NEW.id <> OLD.id OR NEW.seq <> OLD.seq + 1 THEN
          RAISE EXCEPTION 'RUN_ARTIFACT_IMMUTABLE: the chain head only moves forward by one';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER run_chain_head_forward_only BEFORE UPDATE OR DELETE ON {{S}}.run_chain_head
        FOR EACH ROW EXECUTE FUNCTION {{S}}.head_forward_only();
      CREATE TRIGGER run_chain_head_no_truncate BEFORE TRUNCATE ON {{S}}.run_chain_head
        FOR EACH STATEMENT EXECUTE FUNCTION {{S}}.refuse_change();

      -- Derived from run_artifacts (rebuildIndexes recreates it): the only mutable run table.
      CREATE TABLE {{S}}.run_index (
        seq bigint PRIMARY KEY,
        run_id text NOT NULL,
        kind text NOT NULL,
        status text NOT NULL,
        session_id text,
        created_at text NOT NULL
      );
      CREATE INDEX run_index_session ON {{S}}.run_index (session_id, seq);
      CREATE INDEX run_index_status ON {{S}}.run_index (status, seq);
      CREATE INDEX run_index_kind ON {{S}}.run_index (kind, seq);
      CREATE INDEX run_index_created ON {{S}}.run_index (created_at, seq);

      -- Sessions are mutable workflow state (not artifacts), guarded by a revision compare-and-swap.
      CREATE TABLE {{S}}.sessions (
        session_id text PRIMARY KEY,
        revision integer NOT NULL,
        body text NOT NULL,
        updated_at text NOT NULL
      );
    `,
  },
];

export async function migratePostgres(pool: pg.Pool, schema: string): Promise<void> {
  const S = `"${assertSchemaName(schema)}"`;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`luthier-runs-migrate:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${S}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${S}.schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${S}.schema_migrations`);
    const applied = new Set(rows.map((r) => r.version));
    for (const m of PG_MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await client.query(m.sql.replaceAll('{{S}}', S));
      await client.query(`INSERT INTO ${S}.schema_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
