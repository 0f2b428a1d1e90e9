// Schema versions 3 and 8: the operations tables (deployments, detections, routing rules) and the
// sealing of their secrets. Append new versions in migrations.ts; never edit an applied one.
import { sql, type Kysely, type Migration } from 'kysely';
import type { DeclaredDeployment } from '../../core/deployment.js';
import { deploymentKeys } from '../operate/deployment-keys.js';
import type { Dialect } from './migrations.js';
import { withId } from './schema-id.js';
import type { SecretBox } from './secret-box.js';

/**
 * Version 3 (issue #16, operate → feedback): webhook credentials, the deployments scans declare,
 * runtime detections and anomaly reports (routed or waiting), and the routing rules admins save.
 * The hook_secrets table of 0001 is left unused: hooks need a kind, a bearer token hash or a
 * signing key, and must not belong to one project (routing decides the project per detection).
 */
export function v3Operate(dialect: Dialect): Migration {
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
export function v8OperateSecrets(dialect: Dialect, secrets: SecretBox): Migration {
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
