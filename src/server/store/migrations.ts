import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { maskOf, OWASP_BITS, PRINCIPLE_BITS } from './labels.js';
import { v3Operate, v8OperateSecrets } from './operate-schema.js';
import { v6MetricRollup, v10RollupLabels, v13RollupBands } from './rollup-schema.js';
import { withId } from './schema-id.js';
import { v7Search } from './search-schema.js';
import { v12SearchChunks } from './search-chunks.js';
import { secretBox, type SecretBox } from './secret-box.js';
import { v11Seen } from './seen-schema.js';

export type Dialect = 'sqlite' | 'postgres';

/**
 * Version 1: every table the platform needs, including those later issues fill (hook secrets,
 * decisions, jobs). Append new versions; never edit an applied one.
 */
function v1(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withId(db.schema.createTable('projects'), dialect)
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await withId(db.schema.createTable('users'), dialect)
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('disabled_at', 'text')
        .execute();
      await db.schema
        .createTable('tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('project_id', 'integer', (c) => c.references('projects.id'))
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text')
        .addColumn('revoked_at', 'text')
        .addColumn('last_used_at', 'text')
        .execute();
      await db.schema
        .createTable('hook_secrets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('csrf', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await withId(db.schema.createTable('scans'), dialect)
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('branch', 'text', (c) => c.notNull())
        .addColumn('commit_sha', 'text')
        .addColumn('tools', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('phase', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('pushed_by', 'text', (c) => c.notNull())
        .addColumn('finding_count', 'integer', (c) => c.notNull())
        .addColumn('new_count', 'integer', (c) => c.notNull())
        .addColumn('fixed_count', 'integer', (c) => c.notNull())
        .addColumn('reopened_count', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('scans_project')
        .on('scans')
        .columns(['project_id', 'branch', 'id'])
        .execute();
      let findings = withId(db.schema.createTable('findings'), dialect)
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('branch', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull());
      for (const col of [
        'rule_id',
        'analyzer',
        'severity',
        'confidence',
        'title',
        'message',
        'remediation',
        'path',
      ])
        findings = findings.addColumn(col, 'text', (c) => c.notNull());
      findings = findings.addColumn('start_line', 'integer', (c) => c.notNull());
      for (const col of ['location', 'cwe', 'owasp', 'principles', 'tools', 'phase'])
        findings = findings.addColumn(col, 'text', (c) => c.notNull());
      for (const col of ['advisory', 'package_key', 'package']) findings = findings.addColumn(col, 'text');
      findings = findings
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('status_source', 'text', (c) => c.notNull());
      for (const col of ['status_reason', 'accepted_owner', 'accepted_until', 'introduced_at'])
        findings = findings.addColumn(col, 'text');
      await findings
        .addColumn('first_seen', 'text', (c) => c.notNull())
        .addColumn('last_seen', 'text', (c) => c.notNull())
        .addColumn('fixed_at', 'text')
        .addColumn('sla_start', 'text', (c) => c.notNull())
        .addColumn('sla_due', 'text')
        .addColumn('detected_by', 'text', (c) => c.notNull())
        .addColumn('first_scan_id', 'integer')
        .addColumn('last_scan_id', 'integer')
        .addUniqueConstraint('findings_identity', ['project_id', 'branch', 'fingerprint'])
        .execute();
      // The filters users reach for first: status and severity within a project, then lists across projects.
      await db.schema
        .createIndex('findings_project_status')
        .on('findings')
        .columns(['project_id', 'status', 'severity', 'id'])
        .execute();
      await db.schema
        .createIndex('findings_status')
        .on('findings')
        .columns(['status', 'severity', 'id'])
        .execute();
      await db.schema
        .createIndex('findings_advisory')
        .on('findings')
        .columns(['advisory', 'package_key'])
        .execute();
      await withId(db.schema.createTable('finding_events'), dialect)
        .addColumn('finding_id', 'integer', (c) => c.notNull().references('findings.id'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('scan_id', 'integer')
        .execute();
      await db.schema
        .createIndex('finding_events_finding')
        .on('finding_events')
        .columns(['finding_id', 'id'])
        .execute();
      await withId(db.schema.createTable('decisions'), dialect)
        .addColumn('advisory', 'text', (c) => c.notNull())
        .addColumn('package_key', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('owner', 'text')
        .addColumn('expires_at', 'text')
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createIndex('decisions_key')
        .on('decisions')
        .columns(['advisory', 'package_key'])
        .execute();
      await withId(db.schema.createTable('inventories'), dialect)
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('branch', 'text', (c) => c.notNull())
        .addColumn('scan_id', 'integer')
        .addColumn('components', 'text', (c) => c.notNull())
        .addColumn('dependencies', 'text', (c) => c.notNull())
        .addColumn('component_count', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('inventories_identity', ['project_id', 'branch'])
        .execute();
      await withId(db.schema.createTable('audit_log'), dialect)
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('ip', 'text')
        .execute();
      await withId(db.schema.createTable('jobs'), dialect)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('result', 'text')
        .addColumn('error', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema.createIndex('jobs_status').on('jobs').columns(['status', 'id']).execute();
      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  };
}

/**
 * Version 2 (issue #15, metrics): project tags (metrics filter by tag), the append-only daily metric
 * snapshots, and indexes for the time windows the metrics select by.
 */
function v2Metrics(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('project_tags')
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('tag', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('project_tags_pk', ['project_id', 'tag'])
        .execute();
      await db.schema.createIndex('project_tags_tag').on('project_tags').columns(['tag']).execute();
      // One row per day, written once and never updated: later triage cannot rewrite history.
      await db.schema
        .createTable('metric_snapshots')
        .addColumn('day', 'text', (c) => c.primaryKey())
        .addColumn('taken_at', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      // Covering indexes: each metric query reads only one narrow index, never the wide finding rows
      // (message, location, package), which is what keeps a million findings under a second.
      await db.schema
        .createIndex('findings_metrics_detected')
        .on('findings')
        .columns(['first_seen', 'status', 'severity', 'phase', 'analyzer', 'project_id', 'introduced_at'])
        .execute();
      await db.schema
        .createIndex('findings_metrics_fixed')
        .on('findings')
        .columns([
          'status',
          'fixed_at',
          'severity',
          'phase',
          'analyzer',
          'project_id',
          'first_seen',
          'sla_due',
        ])
        .execute();
      await db.schema
        .createIndex('findings_metrics_open')
        .on('findings')
        .columns([
          'status',
          'accepted_until',
          'severity',
          'phase',
          'analyzer',
          'project_id',
          'first_seen',
          'sla_due',
          'principles',
          'owasp',
        ])
        .execute();
    },
  };
}

/** Fills the columns and the side table of version 4 for findings stored before it, a page at a time. */
async function backfillLabels(db: Kysely<unknown>): Promise<void> {
  // The schema of this moment, not the current one: a migration must keep working as tables evolve.
  const k = db as unknown as Kysely<{
    findings: {
      id: number;
      principles: string;
      owasp: string;
      tools: string;
      principle_mask: number;
      owasp_mask: number;
    };
    finding_tools: { tool: string; finding_id: number };
  }>;
  for (let after = 0; ;) {
    const rows = await k
      .selectFrom('findings')
      .select(['id', 'principles', 'owasp', 'tools'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(2000)
      .execute();
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.id;
    // One UPDATE per distinct pair of masks: a page has few of them.
    const byMasks = new Map<string, number[]>();
    const tools: { tool: string; finding_id: number }[] = [];
    for (const r of rows) {
      const key = `${maskOf(PRINCIPLE_BITS, JSON.parse(r.principles) as string[])},${maskOf(OWASP_BITS, JSON.parse(r.owasp) as string[])}`;
      byMasks.set(key, [...(byMasks.get(key) ?? []), r.id]);
      for (const tool of new Set(JSON.parse(r.tools) as string[])) tools.push({ tool, finding_id: r.id });
    }
    for (const [key, ids] of byMasks) {
      const [p, o] = key.split(',').map(Number);
      await k
        .updateTable('findings')
        .set({ principle_mask: p!, owasp_mask: o! })
        .where('id', 'in', ids)
        .execute();
    }
    for (let i = 0; i < tools.length; i += 5000)
      await k
        .insertInto('finding_tools')
        .values(tools.slice(i, i + 5000))
        .onConflict((oc) => oc.columns(['tool', 'finding_id']).doNothing())
        .execute();
  }
}

/**
 * Version 4, for large stores: the principle and OWASP lists as bit masks and the tools as a side
 * table, so filters stop matching LIKE patterns over JSON text; an index for the "due" order.
 */
function v4(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const col of ['principle_mask', 'owasp_mask'])
        await db.schema
          .alterTable('findings')
          .addColumn(col, 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
      let tools = db.schema
        .createTable('finding_tools')
        .addColumn('tool', 'text', (c) => c.notNull())
        // No foreign key: findings are never deleted, and the check would cost a lookup per row at ingest.
        .addColumn('finding_id', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('finding_tools_pk', ['tool', 'finding_id']);
      if (dialect === 'sqlite') tools = tools.modifyEnd(sql`without rowid`);
      await tools.execute();
      // Pages are ordered by id (newest first) or by due date: an index per order, so a page reads
      // its fifty rows in order instead of sorting every match (the older indexes with severity
      // stay for counts per severity).
      for (const [name, columns] of [
        ['findings_status_id', ['status', 'id']],
        ['findings_project_status_id', ['project_id', 'status', 'id']],
        ['findings_status_due', ['status', 'sla_due', 'id']],
      ] as const)
        await db.schema
          .createIndex(name)
          .on('findings')
          .columns([...columns])
          .execute();
      // Only dependency findings have an advisory: index those, not a NULL entry for every finding.
      await db.schema.dropIndex('findings_advisory').execute();
      await db.schema
        .createIndex('findings_advisory')
        .on('findings')
        .columns(['advisory', 'package_key'])
        .where(sql.ref('advisory'), 'is not', null)
        .execute();
      // Room in each page for the new version of a row: a re-scan that only moves last_seen updates
      // in place (a HOT update) instead of adding an entry to every index.
      if (dialect === 'postgres') await sql`ALTER TABLE findings SET (fillfactor = 85)`.execute(db);
      // Which process took a job: shows that workers share the queue and that no job ran twice.
      await db.schema.alterTable('jobs').addColumn('worker', 'text').execute();
      await backfillLabels(db);
    },
  };
}

/**
 * Version 5 (issue #15, dashboard): comments on findings. Apart from finding_events, so a comment
 * can never look like a status change to the metrics that read the history.
 */
function v5Comments(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withId(db.schema.createTable('finding_comments'), dialect)
        .addColumn('finding_id', 'integer', (c) => c.notNull().references('findings.id'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('finding_comments_finding')
        .on('finding_comments')
        .columns(['finding_id', 'id'])
        .execute();
    },
  };
}

/**
 * Version 9 (issue #12, code analysis): how a code finding was established (taint, pattern, audit) and
 * its taint path, so the API and the dashboard show what the CLI's reports show. Nullable: other
 * findings and older reports have neither.
 */
function v9CodeFlow(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const col of ['tier', 'flow'])
        await db.schema.alterTable('findings').addColumn(col, 'text').execute();
    },
  };
}

/**
 * Version 14: whether only audit-profile scans have reported a finding (`findings.audit_only`), so a
 * default-profile scan, which never looks for the audit profile's leads, does not mark them fixed.
 */
function v14AuditOnly(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('findings').addColumn('audit_only', 'integer').execute();
    },
  };
}

/**
 * The versioned migrations, in order; `secrets` seals what version 8 encrypts (without it, a store
 * holding signing keys cannot be migrated past version 7).
 */
export function migrations(dialect: Dialect, secrets: SecretBox = secretBox({})): MigrationProvider {
  return {
    getMigrations: () =>
      Promise.resolve({
        '0001_initial': v1(dialect),
        '0002_metrics': v2Metrics(),
        '0003_operate': v3Operate(dialect),
        '0004_perf': v4(dialect),
        '0005_finding_comments': v5Comments(dialect),
        '0006_metric_rollup': v6MetricRollup(dialect),
        '0007_findings_search': v7Search(dialect),
        '0008_operate_secrets': v8OperateSecrets(dialect, secrets),
        '0009_code_flow': v9CodeFlow(),
        '0010_rollup_labels': v10RollupLabels(dialect),
        '0011_ingest_seen': v11Seen(dialect),
        '0012_search_chunks': v12SearchChunks(dialect),
        '0013_rollup_bands': v13RollupBands(dialect),
        '0014_audit_only': v14AuditOnly(),
      }),
  };
}
