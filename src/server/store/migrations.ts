import { sql, type CreateTableBuilder, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DeclaredDeployment } from '../../core/deployment.js';
import { insertBands, insertProjectAges, rebuildRollup } from '../metrics/rollup-build.js';
import { KIND_OPEN_AGE_PROJECT } from '../metrics/rollup.js';
import { deploymentKeys } from '../operate/deployment-keys.js';
import { maskOf, OWASP_BITS, PRINCIPLE_BITS } from './labels.js';
import { v7Search } from './search-schema.js';
import { v12SearchChunks } from './search-chunks.js';
import { secretBox, type SecretBox } from './secret-box.js';
import { v11Seen } from './seen-schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** An auto-incrementing integer key in each dialect's own words. */
function withId<T extends string>(
  t: CreateTableBuilder<T, never>,
  dialect: Dialect,
): CreateTableBuilder<T, 'id'> {
  return dialect === 'sqlite'
    ? t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : t.addColumn('id', 'serial', (c) => c.primaryKey());
}

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

/**
 * Version 3 (issue #16, operate → feedback): webhook credentials, the deployments scans declare,
 * runtime detections and anomaly reports (routed or waiting), and the routing rules admins save.
 * The hook_secrets table of 0001 is left unused: hooks need a kind, a bearer token hash or a
 * signing key, and must not belong to one project (routing decides the project per detection).
 */
function v3Operate(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('hooks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text')
        .addColumn('signing_key', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('last_used_at', 'text')
        .execute();
      await db.schema
        .createTable('hook_deliveries')
        .addColumn('hook_id', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('hook_deliveries_pk', ['hook_id', 'message_id'])
        .execute();
      await withId(db.schema.createTable('deployments'), dialect)
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('branch', 'text', (c) => c.notNull())
        .addColumn('scan_id', 'integer')
        .addColumn('workloads', 'text', (c) => c.notNull())
        .addColumn('assets', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('deployments_identity', ['project_id', 'branch'])
        .execute();
      let det = withId(db.schema.createTable('detections'), dialect);
      for (const col of ['source', 'identity', 'rule_id', 'title', 'message', 'severity', 'confidence'])
        det = det.addColumn(col, 'text', (c) => c.notNull());
      for (const col of ['facts', 'occurred_at', 'first_at', 'last_at', 'received_at', 'payload', 'status'])
        det = det.addColumn(col, 'text', (c) => c.notNull());
      await det
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('hook_id', 'text')
        .addColumn('reporter', 'text')
        .addColumn('resolved_at', 'text')
        .addColumn('project_id', 'integer', (c) => c.references('projects.id'))
        .addColumn('branch', 'text')
        .addColumn('finding_id', 'integer', (c) => c.references('findings.id'))
        .addColumn('route', 'text')
        .execute();
      await db.schema
        .createIndex('detections_identity')
        .on('detections')
        .columns(['source', 'identity', 'id'])
        .execute();
      await db.schema.createIndex('detections_status').on('detections').columns(['status', 'id']).execute();
      await db.schema
        .createIndex('detections_reporter')
        .on('detections')
        .columns(['reporter', 'received_at'])
        .execute();
      await withId(db.schema.createTable('routing_rules'), dialect)
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createIndex('routing_rules_key')
        .on('routing_rules')
        .columns(['key', 'value'])
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

// The schema of this moment (see backfillLabels).
type V8 = Kysely<{
  hooks: { id: string; signing_key_sealed: string | null };
  deployments: { id: number; project_id: number; branch: string; workloads: string; assets: string };
  deployment_keys: { key: string; value: string; project_id: number; branch: string };
}>;

/** Writes the routing keys of one stored deployment (version 8's backfill). */
async function indexBackfill(
  k: V8,
  d: { project_id: number; branch: string; workloads: string; assets: string },
): Promise<void> {
  const dep: DeclaredDeployment = {
    workloads: JSON.parse(d.workloads) as DeclaredDeployment['workloads'],
    assets: JSON.parse(d.assets) as DeclaredDeployment['assets'],
  };
  const rows = deploymentKeys(dep).map((x) => ({ ...x, project_id: d.project_id, branch: d.branch }));
  for (let i = 0; i < rows.length; i += 500)
    await k
      .insertInto('deployment_keys')
      .values(rows.slice(i, i + 500))
      .execute();
}

/**
 * Version 8 (issue #16): webhook signing keys sealed with the server key instead of kept in plain
 * text (a leaked database no longer lets anyone sign detections), and the keys deployments are
 * routed by, indexed, so routing an alert reads the few deployments that can match instead of all.
 */
function v8OperateSecrets(dialect: Dialect, secrets: SecretBox): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const k = db as unknown as V8;
      await db.schema.alterTable('hooks').renameColumn('signing_key', 'signing_key_sealed').execute();
      // SQLite leaves a rewritten row's old bytes in the page's free space: zero them instead
      // (open.ts then checkpoints, so the file no longer holds the plain keys either).
      if (dialect === 'sqlite') await sql`PRAGMA secure_delete = ON`.execute(db);
      const plain = await k
        .selectFrom('hooks')
        .select(['id', 'signing_key_sealed'])
        .where('signing_key_sealed', 'is not', null)
        .execute();
      for (const h of plain)
        await k
          .updateTable('hooks')
          .set({ signing_key_sealed: secrets.seal(h.signing_key_sealed!, `hook:${h.id}`) })
          .where('id', '=', h.id)
          .execute();
      if (dialect === 'sqlite') await sql`PRAGMA secure_delete = OFF`.execute(db);
      let keys = db.schema
        .createTable('deployment_keys')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('branch', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('deployment_keys_pk', ['key', 'value', 'project_id', 'branch']);
      if (dialect === 'sqlite') keys = keys.modifyEnd(sql`without rowid`);
      await keys.execute();
      await db.schema
        .createIndex('deployment_keys_owner')
        .on('deployment_keys')
        .columns(['project_id', 'branch'])
        .execute();
      for (let after = 0; ;) {
        const page = await k
          .selectFrom('deployments')
          .select(['id', 'project_id', 'branch', 'workloads', 'assets'])
          .where('id', '>', after)
          .orderBy('id')
          .limit(100)
          .execute();
        if (page.length === 0) break;
        after = page[page.length - 1]!.id;
        for (const d of page) await indexBackfill(k, d);
      }
    },
  };
}

/**
 * Version 6 (issue #15, metrics at scale): each project's default branch (the branch the metrics
 * count, so a finding pushed from two branches is counted once), and the metrics rollup that every
 * write keeps current, so the metrics read rows per project and day instead of every finding.
 * Existing projects take the branch of their first push (else of their first finding).
 */
function v6MetricRollup(dialect: Dialect): Migration {
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
 * Version 10 (issue #15, metrics at scale): the rollup gains daily rows of detections and closures
 * (a window's partial months no longer read the findings, only its partial days do) and holds open
 * findings per principle and per OWASP category (a few rows per project instead of one per
 * combination of labels), so its rows are rebuilt. On PostgreSQL the duration bucket becomes a
 * bigint: in seconds, a finding introduced 68 years or more before it was first seen (a commit with
 * a bogus date) overflowed the integer and failed the whole ingest.
 */
function v10RollupLabels(dialect: Dialect): Migration {
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
function v13RollupBands(dialect: Dialect): Migration {
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
      }),
  };
}
