import type { Reporter } from '../common.js';
import type { TfModule, TfResource } from './model.js';
import { attr, child, isOff, isOn, nested, strings, text } from './model.js';
import { TF_DB_PUBLIC, TF_PAB_DISABLED, TF_PUBLIC_BUCKET, TF_TRANSIT, TF_UNENCRYPTED } from './rules.js';

const PUBLIC_ACLS = new Set([
  'public-read',
  'public-read-write',
  'authenticated-read',
  'publicRead',
  'publicReadWrite',
]);
const PUBLIC_MEMBERS = new Set(['allUsers', 'allAuthenticatedUsers']);
const PAB_FLAGS = [
  'block_public_acls',
  'block_public_policy',
  'ignore_public_acls',
  'restrict_public_buckets',
];

/** At-rest encryption flags per resource type; `dflt` is the provider default when unset. */
const AT_REST: Record<string, { key: string; block?: string }> = {
  aws_db_instance: { key: 'storage_encrypted' },
  aws_rds_cluster: { key: 'storage_encrypted' },
  aws_docdb_cluster: { key: 'storage_encrypted' },
  aws_neptune_cluster: { key: 'storage_encrypted' },
  aws_redshift_cluster: { key: 'encrypted' },
  aws_ebs_volume: { key: 'encrypted' },
  aws_efs_file_system: { key: 'encrypted' },
  aws_elasticache_replication_group: { key: 'at_rest_encryption_enabled' },
  aws_ebs_encryption_by_default: { key: 'enabled' },
};

/** Public buckets, public-access blocks, encryption at rest and in transit, public databases. */
export function checkData(rep: Reporter, r: TfResource, mod: TfModule): void {
  const s = mod.scope;
  const b = r.block.body;
  const a = (name: string) => attr(b, name, s);

  // Public storage
  if (
    r.type === 'aws_s3_bucket' ||
    r.type === 'aws_s3_bucket_acl' ||
    r.type === 'google_storage_bucket_acl'
  ) {
    const acl = a(r.type === 'google_storage_bucket_acl' ? 'predefined_acl' : 'acl');
    if (acl && typeof acl.value === 'string' && PUBLIC_ACLS.has(acl.value)) {
      rep.add(TF_PUBLIC_BUCKET, acl.line, `${r.address} grants the ${acl.value} ACL.`, `${r.address}:acl`);
    }
  }
  if (/^google_storage_bucket_iam_(?:member|binding)$/.test(r.type)) {
    const m = a('member') ?? a('members');
    const pub = strings(m?.value).find((x) => PUBLIC_MEMBERS.has(x));
    if (m && pub)
      rep.add(
        TF_PUBLIC_BUCKET,
        m.line,
        `${r.address} grants ${text(a('role')?.value) || 'a role'} to ${pub}.`,
        `${r.address}:member`,
      );
  }
  if (r.type === 'azurerm_storage_container') {
    const t = a('container_access_type');
    if (t && (t.value === 'blob' || t.value === 'container')) {
      rep.add(
        TF_PUBLIC_BUCKET,
        t.line,
        `${r.address} allows anonymous ${t.value} access.`,
        `${r.address}:access`,
      );
    }
  }
  if (r.type === 'azurerm_storage_account') {
    for (const k of ['allow_nested_items_to_be_public', 'allow_blob_public_access']) {
      const v = a(k);
      if (v && isOn(v.value))
        rep.add(
          TF_PUBLIC_BUCKET,
          v.line,
          `${r.address} allows public blob access (${k} = true).`,
          `${r.address}:${k}`,
        );
    }
    const https = a('https_traffic_only_enabled') ?? a('enable_https_traffic_only');
    if (https && isOff(https.value))
      rep.add(TF_TRANSIT, https.line, `${r.address} accepts plain-HTTP requests.`, `${r.address}:https`);
  }
  if (r.type === 'aws_s3_bucket_public_access_block' || r.type === 'aws_s3_account_public_access_block') {
    for (const k of PAB_FLAGS) {
      const v = a(k);
      if (v && isOff(v.value))
        rep.add(TF_PAB_DISABLED, v.line, `${r.address} sets ${k} = false.`, `${r.address}:${k}`);
      else if (!v)
        rep.add(
          TF_PAB_DISABLED,
          r.block.line,
          `${r.address} leaves ${k} unset (false).`,
          `${r.address}:${k}`,
        );
    }
  }

  // Encryption at rest
  const rest = AT_REST[r.type];
  if (rest) {
    const v = a(rest.key);
    const inherits =
      a('replicate_source_db') ?? a('snapshot_identifier') ?? a('source_db_cluster_snapshot_identifier');
    const serverless = a('engine_mode')?.value === 'serverless';
    if (v && isOff(v.value))
      rep.add(TF_UNENCRYPTED, v.line, `${r.address} sets ${rest.key} = false.`, `${r.address}:${rest.key}`);
    else if (!v && !inherits && !serverless && r.type !== 'aws_ebs_encryption_by_default') {
      rep.add(
        TF_UNENCRYPTED,
        r.block.line,
        `${r.address} does not set ${rest.key} = true.`,
        `${r.address}:${rest.key}`,
      );
    }
  }
  if (
    r.type === 'aws_instance' ||
    r.type === 'aws_launch_template' ||
    r.type === 'aws_launch_configuration'
  ) {
    const devs = [
      ...nested(b, 'root_block_device'),
      ...nested(b, 'ebs_block_device'),
      ...nested(b, 'block_device_mappings').flatMap((m) => nested(m.body, 'ebs')),
    ];
    for (const d of devs) {
      const e = attr(d.body, 'encrypted', s);
      if (e && isOff(e.value))
        rep.add(
          TF_UNENCRYPTED,
          e.line,
          `${r.address} has an unencrypted volume.`,
          `${r.address}:volume:${d.type}`,
        );
    }
  }

  // Encryption in transit
  if (r.type === 'aws_elasticache_replication_group') {
    const t = a('transit_encryption_enabled');
    if (!t || isOff(t.value))
      rep.add(
        TF_TRANSIT,
        t?.line ?? r.block.line,
        `${r.address} does not require TLS (transit_encryption_enabled).`,
        `${r.address}:transit`,
      );
  }
  if (r.type === 'google_sql_database_instance') {
    const ip = child(b, 'settings', 'ip_configuration');
    const ssl = attr(ip?.body, 'require_ssl', s);
    const mode = attr(ip?.body, 'ssl_mode', s);
    if (ssl && isOff(ssl.value) && !mode)
      rep.add(TF_TRANSIT, ssl.line, `${r.address} accepts connections without TLS.`, `${r.address}:ssl`);
    if (mode?.value === 'ALLOW_UNENCRYPTED_AND_ENCRYPTED')
      rep.add(TF_TRANSIT, mode.line, `${r.address} accepts connections without TLS.`, `${r.address}:ssl`);
    for (const net of nested(ip?.body, 'authorized_networks')) {
      const v = attr(net.body, 'value', s);
      if (v && (v.value === '0.0.0.0/0' || v.value === '::/0'))
        rep.add(TF_DB_PUBLIC, v.line, `${r.address} authorises ${String(v.value)}.`, `${r.address}:authnet`);
    }
  }

  // Public databases
  if (
    [
      'aws_db_instance',
      'aws_rds_cluster_instance',
      'aws_redshift_cluster',
      'aws_dms_replication_instance',
    ].includes(r.type)
  ) {
    const p = a('publicly_accessible');
    if (p && isOn(p.value))
      rep.add(TF_DB_PUBLIC, p.line, `${r.address} sets publicly_accessible = true.`, `${r.address}:public`);
  }
  if (
    /^azurerm_(?:mssql|sql|postgresql|postgresql_flexible|mysql|mysql_flexible|mariadb)_(?:server_)?firewall_rule$/.test(
      r.type,
    )
  ) {
    const start = a('start_ip_address');
    const end = a('end_ip_address');
    if (start?.value === '0.0.0.0' && end?.value === '255.255.255.255') {
      rep.add(TF_DB_PUBLIC, start.line, `${r.address} allows every IPv4 address.`, `${r.address}:fw`);
    }
  }
}
