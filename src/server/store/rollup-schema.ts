// Schema versions 6, 10 and 13: the metric rollup the outcome pages read, its labels and its bands.
// Append new versions in migrations.ts; never edit an applied one.
import { sql, type Kysely, type Migration } from 'kysely';
import { insertBands, insertProjectAges, rebuildRollup } from '../metrics/rollup-build.js';
import { KIND_OPEN_AGE_PROJECT } from '../metrics/rollup.js';
import type { Dialect } from './migrations.js';

/**
 * Version 6 (issue #15, metrics at scale): each project's default branch (the branch the metrics
 * count, so a finding pushed from two branches is counted once), and the metrics rollup that every
 * write keeps current, so the metrics read rows per project and day instead of every finding.
 * Existing projects take the branch of their first push (else of their first finding).
 */
export function v6MetricRollup(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('projects').addColumn('default_branch', 'text').execute();
      await sql`update projects set default_branch = coalesce(
          (select s.branch from scans s where s.project_id = projects.id order by s.id limit 1),
          (select f.branch from findings f where f.project_id = projects.id order by f.id limit 1))`.execute(
        db,
      );
      let t = db.schema
        .createTable('metric_rollup')
        .addColumn('kind', 'integer', (c) => c.notNull())
        .addColumn('day', 'integer', (c) => c.notNull())
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('project_id', 'integer', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('analyzer', 'text', (c) => c.notNull())
        .addColumn('phase', 'text', (c) => c.notNull())
        .addColumn('bucket', 'integer', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addColumn('sum_s', dialect === 'sqlite' ? 'real' : 'double precision', (c) => c.notNull())
        .addColumn('due', 'integer', (c) => c.notNull())
        .addColumn('within', 'integer', (c) => c.notNull())
        // Kind and day first: a window of the metrics is one range of the key.
        .addPrimaryKeyConstraint('metric_rollup_pk', [
          'kind',
          'day',
          'project_id',
          'severity',
          'analyzer',
          'phase',
          'bucket',
        ]);
      if (dialect === 'sqlite') t = t.modifyEnd(sql`without rowid`);
      await t.execute();
      // The covering metric indexes of version 2 gain the branch: the direct queries (open findings,
      // the partial months of a window) count only the default branch and must not read wide rows.
      for (const [name, columns] of [
        [
          'findings_metrics_detected',
          ['first_seen', 'status', 'severity', 'phase', 'analyzer', 'project_id', 'branch', 'introduced_at'],
        ],
        [
          'findings_metrics_fixed',
          [
            'status',
            'fixed_at',
            'severity',
            'phase',
            'analyzer',
            'project_id',
            'branch',
            'first_seen',
            'sla_due',
          ],
        ],
        [
          'findings_metrics_open',
          [
            'status',
            'accepted_until',
            'severity',
            'phase',
            'analyzer',
            'project_id',
            'branch',
            'first_seen',
            'sla_due',
            'principles',
            'owasp',
          ],
        ],
      ] as const) {
        await db.schema.dropIndex(name).execute();
        await db.schema
          .createIndex(name)
          .on('findings')
          .columns([...columns])
          .execute();
      }
      await rebuildRollup(db, dialect);
    },
  };
}

/**
 * Version 10 (issue #15, metrics at scale): the rollup gains daily rows of detections and closures
 * (a window's partial months no longer read the findings, only its partial days do) and holds open
 * findings per principle and per OWASP category (a few rows per project instead of one per
 * combination of labels), so its rows are rebuilt. On PostgreSQL the duration bucket becomes a
 * bigint: in seconds, a finding introduced 68 years or more before it was first seen (a commit with
 * a bogus date) overflowed the integer and failed the whole ingest.
 */
export function v10RollupLabels(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'postgres')
        await sql`alter table metric_rollup alter column bucket type bigint`.execute(db);
      await rebuildRollup(db, dialect);
    },
  };
}

/**
 * Version 13 (issue #15, metrics at scale): the rollup's histograms of time to detect and to
 * remediate gain their band rows (metrics/bands.ts), from which a median is located before reading
 * the buckets of one band: two years by week read about a tenth of the rows they read before. And
 * the ages of open findings are kept per project too, for project- and tag-filtered queries.
 */
export function v13RollupBands(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await insertBands(db);
      await insertProjectAges(db, dialect);
      // A project's ages are spread over the key (kind, day, project, …): this finds just its rows.
      await db.schema
        .createIndex('metric_rollup_project_ages')
        .on('metric_rollup')
        .columns(['project_id', 'day'])
        .where(sql.ref('kind'), '=', sql.lit(KIND_OPEN_AGE_PROJECT))
        .execute();
      if (dialect === 'postgres') await sql`analyze metric_rollup`.execute(db);
    },
  };
}
