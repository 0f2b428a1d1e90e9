import { normName } from './iac-unit.js';
import type { IacUnit, UnitCategory } from './iac-unit.js';
import { scanTerraform, tfAttr, tfValue } from './tf-scan.js';
import type { TfResource } from './tf-scan.js';

const TF_CATEGORY: [RegExp, UnitCategory][] = [
  [
    /^(aws_db_instance|aws_rds_cluster|aws_docdb_cluster|aws_neptune_cluster|aws_redshift_cluster|aws_dynamodb_table|google_sql_database_instance|azurerm_(mssql|postgresql|mysql)_(flexible_)?server|azurerm_cosmosdb_account)$/,
    'database',
  ],
  [/^(aws_elasticache_(cluster|replication_group)|google_redis_instance|azurerm_redis_cache)$/, 'cache'],
  [
    /^(aws_sqs_queue|aws_sns_topic|aws_msk_cluster|aws_mq_broker|aws_kinesis_stream|google_pubsub_topic|azurerm_servicebus_namespace)$/,
    'queue',
  ],
  [
    /^(aws_s3_bucket|aws_efs_file_system|aws_ebs_volume|google_storage_bucket|azurerm_storage_account)$/,
    'storage',
  ],
  [/^(aws_lb|aws_alb|aws_elb)$/, 'load-balancer'],
  [
    /^(aws_instance|aws_ecs_service|aws_lambda_function|aws_eks_cluster|aws_apprunner_service|google_compute_instance|google_cloud_run_(v2_)?service|azurerm_(linux|windows)_(web_app|virtual_machine)|azurerm_container_app)$/,
    'service',
  ],
];
const AT_REST: Record<string, string> = {
  aws_db_instance: 'storage_encrypted',
  aws_rds_cluster: 'storage_encrypted',
  aws_docdb_cluster: 'storage_encrypted',
  aws_neptune_cluster: 'storage_encrypted',
  aws_redshift_cluster: 'encrypted',
  aws_ebs_volume: 'encrypted',
  aws_efs_file_system: 'encrypted',
  aws_elasticache_replication_group: 'at_rest_encryption_enabled',
};
const OPEN_CIDR = /"(0\.0\.0\.0\/0|::\/0)"/;

/** Terraform resources relevant to the model, with exposure and encryption facts. */
export function terraformUnits(text: string, path: string): IacUnit[] {
  return scanTerraform(text).map((r) => terraformUnit(r, path));
}

function terraformUnit(r: TfResource, path: string): IacUnit {
  const address = `${r.type}.${r.name}`;
  const category = TF_CATEGORY.find(([re]) => re.test(r.type))?.[1] ?? 'attachment';
  const tagName = r.attributes.find((a) => a.key === 'Name' && a.block.length === 0);
  const idName =
    tfValue(tfAttr(r, 'identifier')) ?? tfValue(tfAttr(r, 'name')) ?? tfValue(tfAttr(r, 'bucket'));
  const names = [normName(r.name), normName(address)];
  if (idName && !idName.includes('${')) names.push(normName(idName));
  if (tagName) names.push(normName(tfValue(tagName) ?? ''));
  const unit: IacUnit = {
    path,
    line: r.line,
    kind: r.type,
    name: address,
    names,
    category,
    ports: [],
    facts: [],
    refs: [],
  };
  for (const m of r.text.matchAll(/\b((?:aws|google|azurerm)_[a-z0-9_]{1,64})\.([A-Za-z0-9_-]{1,128})\b/g)) {
    if (`${m[1]}.${m[2]}` !== address) unit.refs.push(normName(`${m[1]}.${m[2]}`));
  }
  const enc = AT_REST[r.type];
  if (enc) {
    const a = tfAttr(r, enc);
    if (tfValue(a) !== 'true') {
      unit.facts.push({
        type: 'unencrypted-at-rest',
        line: a?.line ?? r.line,
        detail: a ? `${enc} = ${tfValue(a) ?? ''}` : `${enc} is not set (defaults to false)`,
      });
    }
  }
  const pub = tfAttr(r, 'publicly_accessible') ?? tfAttr(r, 'associate_public_ip_address');
  if (tfValue(pub) === 'true')
    unit.facts.push({
      type: 'public-exposure',
      line: pub?.line ?? r.line,
      detail: `${pub?.key ?? ''} = true`,
    });
  if (r.type === 'aws_lb' || r.type === 'aws_alb' || r.type === 'aws_elb') {
    const internal = tfAttr(r, 'internal');
    if (tfValue(internal) !== 'true') {
      unit.facts.push({
        type: 'public-exposure',
        line: internal?.line ?? r.line,
        detail: internal ? 'internal = false' : 'load balancer is internet-facing (internal not set)',
      });
    }
  }
  if (r.type === 'aws_elasticache_replication_group') {
    const transit = tfAttr(r, 'transit_encryption_enabled');
    if (tfValue(transit) !== 'true') {
      unit.facts.push({
        type: 'plain-transport',
        line: transit?.line ?? r.line,
        detail: transit
          ? `transit_encryption_enabled = ${tfValue(transit) ?? ''}`
          : 'transit_encryption_enabled is not set (defaults to false)',
      });
    }
  }
  if (r.type === 'aws_msk_cluster') {
    const cb = r.attributes.find((a) => a.key === 'client_broker');
    if (cb && /PLAINTEXT/.test(cb.value)) {
      unit.facts.push({
        type: 'plain-transport',
        line: cb.line,
        detail: `client_broker = ${tfValue(cb) ?? ''}`,
      });
    }
  }
  if (r.type === 'aws_lb_listener' || r.type === 'aws_alb_listener') {
    const proto = tfAttr(r, 'protocol');
    const redirects =
      r.attributes.some((a) => a.block.includes('redirect')) || /\bredirect\s*\{/.test(r.text);
    if (tfValue(proto) === 'HTTP' && !redirects) {
      unit.facts.push({
        type: 'plain-http',
        line: proto?.line ?? r.line,
        detail: 'listener protocol = "HTTP" without a redirect to HTTPS',
      });
    }
  }
  const isIngressRule =
    r.type === 'aws_vpc_security_group_ingress_rule' ||
    (r.type === 'aws_security_group_rule' && tfValue(tfAttr(r, 'type')) === 'ingress');
  for (const a of r.attributes) {
    const ingress = (r.type === 'aws_security_group' && a.block[0] === 'ingress') || isIngressRule;
    if (
      ingress &&
      (a.key === 'cidr_blocks' ||
        a.key === 'ipv6_cidr_blocks' ||
        a.key === 'cidr_ipv4' ||
        a.key === 'cidr_ipv6') &&
      OPEN_CIDR.test(a.value)
    ) {
      unit.facts.push({
        type: 'public-exposure',
        line: a.line,
        detail: `security group ingress from ${OPEN_CIDR.exec(a.value)?.[1] ?? ''}`,
      });
    }
  }
  return unit;
}
