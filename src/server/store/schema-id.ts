import type { CreateTableBuilder } from 'kysely';
import type { Dialect } from './migrations.js';

/** An auto-incrementing integer key in each dialect's own words. */
export function withId<T extends string>(
  t: CreateTableBuilder<T, never>,
  dialect: Dialect,
): CreateTableBuilder<T, 'id'> {
  return dialect === 'sqlite'
    ? t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : t.addColumn('id', 'serial', (c) => c.primaryKey());
}
