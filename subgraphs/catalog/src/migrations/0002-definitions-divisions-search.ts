import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Splits matters into definitions and implementations (one data source for a matter common to
 * city and districts), adds the division tree and substring search: an FTS5 trigram index on
 * SQLite, pg_trgm on PostgreSQL. The demo catalog is reseeded afterwards (seed version 2).
 */
export function definitionsDivisionsSearch(dialect: 'sqlite' | 'postgres'): Migration {
  return {
    async up(db: Kysely<any>) {
      for (const table of ['matter_form_field', 'matter_material', 'matter']) await db.schema.dropTable(table).ifExists().execute();

      await db.schema
        .createTable('division')
        .addColumn('code', 'varchar(12)', (c) => c.primaryKey())
        .addColumn('name', 'varchar(100)', (c) => c.notNull())
        .addColumn('level', 'varchar(16)', (c) => c.notNull())
        .addColumn('parent_code', 'varchar(12)', (c) => c.references('division.code'))
        .addColumn('sort_order', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('division_parent').on('division').columns(['parent_code', 'sort_order']).execute();

      await db.schema
        .createTable('matter_definition')
        .addColumn('basic_code', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('type', 'varchar(32)', (c) => c.notNull())
        .addColumn('department_code', 'varchar(18)', (c) => c.notNull().references('department.code'))
        .addColumn('legal_basis', 'text', (c) => c.notNull())
        .addColumn('legal_time_limit_days', 'integer', (c) => c.notNull())
        .addColumn('promised_time_limit_days', 'integer', (c) => c.notNull())
        .addColumn('case_type', 'varchar(16)', (c) => c.notNull())
        .addColumn('online_depth', 'integer', (c) => c.notNull())
        .addColumn('visits_required', 'integer', (c) => c.notNull())
        .addColumn('fee', 'varchar(100)', (c) => c.notNull())
        .addColumn('served_objects', 'varchar(64)', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('matter')
        .addColumn('code', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('basic_code', 'varchar(64)', (c) => c.notNull().references('matter_definition.basic_code'))
        .addColumn('level', 'varchar(16)', (c) => c.notNull())
        .addColumn('department_code', 'varchar(18)', (c) => c.notNull().references('department.code'))
        .addColumn('division_code', 'varchar(12)', (c) => c.notNull().references('division.code'))
        .addColumn('search_text', 'varchar(400)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('matter_department').on('matter').columns(['department_code', 'code']).execute();
      await db.schema.createIndex('matter_basic').on('matter').column('basic_code').execute();
      await db.schema.createIndex('matter_division').on('matter').columns(['division_code', 'code']).execute();

      await db.schema
        .createTable('matter_material')
        .addColumn('basic_code', 'varchar(64)', (c) => c.notNull().references('matter_definition.basic_code'))
        .addColumn('code', 'varchar(64)', (c) => c.notNull())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('required', 'integer', (c) => c.notNull())
        .addColumn('accepts_licence_type', 'varchar(32)')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('matter_material_pk', ['basic_code', 'code'])
        .execute();
      await db.schema
        .createTable('matter_form_field')
        .addColumn('basic_code', 'varchar(64)', (c) => c.notNull().references('matter_definition.basic_code'))
        .addColumn('key', 'varchar(64)', (c) => c.notNull())
        .addColumn('label', 'varchar(100)', (c) => c.notNull())
        .addColumn('type', 'varchar(32)', (c) => c.notNull())
        .addColumn('required', 'integer', (c) => c.notNull())
        .addColumn('source', 'varchar(128)')
        .addColumn('options', 'text')
        .addColumn('rules', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('matter_form_field_pk', ['basic_code', 'key'])
        .execute();

      if (dialect === 'sqlite') {
        // An external-content FTS5 table over matter.search_text: trigram makes LIKE '%…%' indexed for 3+ characters.
        await sql`create virtual table matter_search using fts5(search_text, content='matter', content_rowid='rowid', tokenize='trigram')`.execute(db);
        await sql`create trigger matter_search_insert after insert on matter begin
          insert into matter_search(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
        await sql`create trigger matter_search_delete after delete on matter begin
          insert into matter_search(matter_search, rowid, search_text) values ('delete', old.rowid, old.search_text); end`.execute(db);
        await sql`create trigger matter_search_update after update of search_text on matter begin
          insert into matter_search(matter_search, rowid, search_text) values ('delete', old.rowid, old.search_text);
          insert into matter_search(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
      } else {
        await ensureTrigramExtension(db);
        await sql`create index matter_search_trgm on matter using gin (search_text public.gin_trgm_ops)`.execute(db);
      }
    },
  };
}

/**
 * pg_trgm lives in `public`, whatever schema the catalog uses, so several schemas (and parallel
 * test runs) share one extension and dropping a schema never drops it. Two migrations racing to
 * create it are fine: the loser finds it there.
 */
async function ensureTrigramExtension(db: Kysely<any>): Promise<void> {
  try {
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
  } catch (error) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_extension where extname = 'pg_trgm'`.execute(db);
    if (rows[0]?.n !== 1) throw error;
  }
}
