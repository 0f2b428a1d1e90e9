import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import type { Node } from 'yaml';
import { ParseError } from '../core/errors.js';
import { scanTerraform, tfAttr, tfValue } from './tf-scan.js';
import type { TfResource } from './tf-scan.js';

/** What a deployable thing looks like to the threat model. */
export type UnitCategory =
  'service' | 'database' | 'cache' | 'queue' | 'storage' | 'load-balancer' | 'attachment';

/** 'plain-http' speaks to web flows; 'plain-transport' to any flow modelled as encrypted. */
export type FactType = 'public-exposure' | 'plain-http' | 'plain-transport' | 'unencrypted-at-rest';

export interface Fact {
  type: FactType;
  line: number;
  detail: string;
}

/** One service, workload, Kubernetes object or Terraform resource found in infrastructure code. */
export interface IacUnit {
  path: string;
  line: number;
  /** 'compose service', 'Deployment', 'Service', 'aws_db_instance', … */
  kind: string;
  /** Compose service name, Kubernetes name, Terraform `type.name`. */
  name: string;
  /** Normalised names this unit answers to (labels, selectors, resource names). */
  names: string[];
  /** 'attachment' units (security groups, Services, Ingresses, listeners) only add facts to others. */
  category: UnitCategory;
  ports: number[];
  facts: Fact[];
  /** Addresses or names of units this one refers to or selects. */
  refs: string[];
}

/** Lower-case, alphanumerics and single dashes: 'Orders DB' and 'orders_db' both become 'orders-db'. */
export function normName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const COMPOSE_FILE = /^(docker-)?compose([.-][\w.-]{1,64})?\.ya?ml$/i;
/** True for Compose files by name. */
export function isComposeFile(name: string): boolean {
  return COMPOSE_FILE.test(name);
}

const DB_IMAGES: [RegExp, UnitCategory][] = [
  [
    /(^|\/)(postgres|postgis|mysql|mariadb|mongo|mongodb|mssql|oracle|cockroach|cassandra|couchdb|clickhouse|elasticsearch|opensearch|neo4j|influxdb)([:@]|$)/,
    'database',
  ],
  [/(^|\/)(redis|valkey|memcached|keydb)([:@]|$)/, 'cache'],
  [/(^|\/)(rabbitmq|kafka|nats|activemq|mosquitto|pulsar)([:@]|$)/, 'queue'],
  [/(^|\/)(minio|azurite|localstack)([:@]|$)/, 'storage'],
];
const HTTP_PORTS = new Set([80, 8000, 8080, 8081, 3000, 5000]);

function categoryOfImage(image: string): UnitCategory {
  const img = image.toLowerCase();
  for (const [re, cat] of DB_IMAGES) if (re.test(img)) return cat;
  return 'service';
}

type Located = (n: unknown) => number;

function get(map: unknown, key: string): unknown {
  return isMap(map) ? map.get(key, true) : undefined;
}
const scalar = (n: unknown): string | undefined =>
  isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number') ? String(n.value) : undefined;

function parseYamlDocs(text: string, path: string): { docs: Node[]; lineOf: Located } {
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc });
  if (!Array.isArray(docs)) return { docs: [], lineOf: () => 1 };
  const out: Node[] = [];
  for (const d of docs) {
    const e = d.errors[0];
    if (e)
      throw new ParseError(`${path}: invalid YAML: ${e.message.split('\n')[0] ?? ''}`, e.linePos?.[0]?.line, {
        cause: e,
      });
    if (d.contents) out.push(d.contents);
  }
  const lineOf: Located = (n) => {
    const r = (n as Node | undefined)?.range;
    return r ? lc.linePos(r[0]).line : 1;
  };
  return { docs: out, lineOf };
}

/** Services of a Compose file with their published ports. */
export function composeUnits(text: string, path: string): IacUnit[] {
  const { docs, lineOf } = parseYamlDocs(text, path);
  const services = get(docs[0], 'services');
  if (!isMap(services)) return [];
  const units: IacUnit[] = [];
  for (const pair of services.items) {
    const name = scalar(pair.key);
    if (name === undefined) continue;
    const svc = pair.value;
    const image = scalar(get(svc, 'image')) ?? '';
    const unit: IacUnit = {
      path,
      line: lineOf(pair.key),
      kind: 'compose service',
      name,
      names: [normName(name), ...(image ? [normName(image.split(/[:@]/)[0]?.split('/').pop() ?? '')] : [])],
      category: categoryOfImage(image || name),
      ports: [],
      facts: [],
      refs: [],
    };
    const netMode = get(svc, 'network_mode');
    if (scalar(netMode) === 'host') {
      unit.facts.push({
        type: 'public-exposure',
        line: lineOf(netMode),
        detail: 'network_mode: host exposes every port',
      });
    }
    const deps = get(svc, 'depends_on');
    if (isSeq(deps)) for (const d of deps.items) if (scalar(d)) unit.refs.push(scalar(d) ?? '');
    if (isMap(deps)) for (const d of deps.items) if (scalar(d.key)) unit.refs.push(scalar(d.key) ?? '');
    const ports = get(svc, 'ports');
    if (isSeq(ports)) {
      for (const p of ports.items) {
        const line = lineOf(p);
        let host = '';
        let published: string | undefined;
        let target: string | undefined;
        if (isMap(p)) {
          target = scalar(p.get('target', true));
          published = scalar(p.get('published', true));
          host = scalar(p.get('host_ip', true)) ?? '';
        } else {
          const s = scalar(p) ?? '';
          // [host_ip:]published:target[/proto] or just target (an ephemeral host port).
          const m =
            /^(?:(\[[0-9a-fA-F:]{1,64}\]|\d{1,3}(?:\.\d{1,3}){3}|[a-z][a-z0-9.-]{0,63}):)?(?:([0-9-]{1,16}):)?([0-9-]{1,16})(?:\/\w{1,8})?$/.exec(
              s,
            );
          if (!m) continue;
          host = m[1] ?? '';
          published = m[2] ?? m[3];
          target = m[3];
        }
        const t = Number.parseInt(target ?? '', 10);
        if (Number.isFinite(t)) unit.ports.push(t);
        if (published === undefined) continue;
        if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host)) {
          unit.facts.push({
            type: 'public-exposure',
            line,
            detail: `publishes port ${published} on ${host || 'all interfaces'}`,
          });
        }
        if (HTTP_PORTS.has(t))
          unit.facts.push({
            type: 'plain-http',
            line,
            detail: `publishes container port ${t}, a plain-HTTP port`,
          });
      }
    }
    units.push(unit);
  }
  return units;
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod', 'Job', 'CronJob']);

function labelsOf(meta: unknown): string[] {
  const labels = get(meta, 'labels');
  if (!isMap(labels)) return [];
  return ['app', 'app.kubernetes.io/name', 'k8s-app', 'component'].flatMap((k) => {
    const v = scalar(labels.get(k, true));
    return v ? [normName(v)] : [];
  });
}

/** Kubernetes workloads, Services and Ingresses of one manifest file (multi-document). */
export function k8sUnits(text: string, path: string): IacUnit[] {
  const { docs, lineOf } = parseYamlDocs(text, path);
  const units: IacUnit[] = [];
  for (const doc of docs) {
    const kind = scalar(get(doc, 'kind'));
    if (!kind || !scalar(get(doc, 'apiVersion'))) continue;
    const meta = get(doc, 'metadata');
    const name = scalar(get(meta, 'name')) ?? '';
    const spec = get(doc, 'spec');
    const base = {
      path,
      line: lineOf(doc),
      kind,
      name,
      ports: [] as number[],
      facts: [] as Fact[],
      refs: [] as string[],
    };
    if (WORKLOADS.has(kind)) {
      const image = findImage(spec);
      const podLabels = labelsOf(get(get(spec, 'template'), 'metadata'));
      units.push({
        ...base,
        names: [normName(name), ...labelsOf(meta), ...podLabels],
        category: kind === 'StatefulSet' || image ? categoryOfImage(image ?? name) : 'service',
        facts: hostExposure(spec, lineOf),
      });
    } else if (kind === 'Service') {
      const type = get(spec, 'type');
      const unit: IacUnit = { ...base, names: [normName(name)], category: 'attachment' };
      const selector = get(spec, 'selector');
      if (isMap(selector))
        for (const it of selector.items)
          if (scalar(it.value)) unit.refs.push(normName(scalar(it.value) ?? ''));
      unit.refs.push(normName(name));
      const t = scalar(type);
      const exposed = (t === 'LoadBalancer' && !internalLoadBalancer(meta)) || t === 'NodePort';
      if (exposed) {
        unit.facts.push({ type: 'public-exposure', line: lineOf(type), detail: `Service type ${t ?? ''}` });
      }
      const ports = get(spec, 'ports');
      if (isSeq(ports)) {
        for (const p of ports.items) {
          const port = Number.parseInt(scalar(get(p, 'port')) ?? '', 10);
          if (Number.isFinite(port)) unit.ports.push(port);
          if (exposed && (port === 80 || scalar(get(p, 'name')) === 'http')) {
            unit.facts.push({
              type: 'plain-http',
              line: lineOf(p),
              detail: `${t} Service serves port ${port} (plain HTTP)`,
            });
          }
        }
      }
      units.push(unit);
    } else if (kind === 'Ingress') {
      const unit: IacUnit = { ...base, names: [normName(name)], category: 'attachment' };
      collectBackends(spec, unit.refs, 0);
      // The whole object is the problem; point at its kind line rather than the document separator.
      const kindLine = lineOf(get(doc, 'kind'));
      unit.facts.push({
        type: 'public-exposure',
        line: kindLine,
        detail: 'routes traffic from outside the cluster',
      });
      if (!isSeq(get(spec, 'tls')) || (get(spec, 'tls') as { items: unknown[] }).items.length === 0) {
        unit.facts.push({
          type: 'plain-http',
          line: kindLine,
          detail: 'no tls section, so it serves plain HTTP',
        });
      }
      units.push(unit);
    }
  }
  return units;
}

/** Cloud annotations that make a LoadBalancer Service private to the VPC. */
const INTERNAL_LB: [string, RegExp][] = [
  ['service.beta.kubernetes.io/aws-load-balancer-internal', /^(true|0\.0\.0\.0\/0)$/],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', /^internal$/],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', /^true$/],
  ['networking.gke.io/load-balancer-type', /^internal$/i],
  ['cloud.google.com/load-balancer-type', /^internal$/i],
];

function internalLoadBalancer(meta: unknown): boolean {
  const ann = get(meta, 'annotations');
  return INTERNAL_LB.some(([k, re]) => re.test(scalar(isMap(ann) ? ann.get(k, true) : undefined) ?? ''));
}

/** The pod spec of a workload (Pod, template, or CronJob's job template). */
function podSpec(spec: unknown, depth = 0): unknown {
  if (depth > 8 || !isMap(spec)) return undefined;
  if (isSeq(get(spec, 'containers'))) return spec;
  const nested = get(spec, 'template') ?? get(spec, 'jobTemplate');
  return nested ? podSpec(get(nested, 'spec'), depth + 1) : undefined;
}

/** hostNetwork and hostPort put a pod on the node's own interfaces. */
function hostExposure(spec: unknown, lineOf: Located): Fact[] {
  const pod = podSpec(spec);
  const facts: Fact[] = [];
  const hostNetwork = get(pod, 'hostNetwork');
  if (isScalar(hostNetwork) && hostNetwork.value === true) {
    facts.push({ type: 'public-exposure', line: lineOf(hostNetwork), detail: 'hostNetwork: true' });
  }
  const containers = get(pod, 'containers');
  if (isSeq(containers)) {
    for (const c of containers.items) {
      const ports = get(c, 'ports');
      if (!isSeq(ports)) continue;
      for (const p of ports.items) {
        const hostPort = get(p, 'hostPort');
        if (scalar(hostPort)) {
          facts.push({
            type: 'public-exposure',
            line: lineOf(hostPort),
            detail: `hostPort ${scalar(hostPort) ?? ''}`,
          });
        }
      }
    }
  }
  return facts;
}

function findImage(spec: unknown): string | undefined {
  const containers = get(podSpec(spec), 'containers');
  return isSeq(containers) ? scalar(get(containers.items[0], 'image')) : undefined;
}

function collectBackends(n: unknown, out: string[], depth: number): void {
  if (depth > 16) return;
  if (isMap(n)) {
    const svc = get(n, 'service');
    const svcName = scalar(get(svc, 'name')) ?? scalar(get(n, 'serviceName'));
    if (svcName) out.push(normName(svcName));
    for (const it of n.items) collectBackends(it.value, out, depth + 1);
  } else if (isSeq(n)) for (const it of n.items) collectBackends(it, out, depth + 1);
}

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

/** True for files the cross-check reads: Compose, Kubernetes manifests (any YAML with kind/apiVersion), Terraform. */
export function isIacPath(name: string, ext: string): boolean {
  return ext === 'tf' || ext === 'yaml' || ext === 'yml' || isComposeFile(name);
}

/** Units of one IaC file by its name and content; non-IaC YAML gives none. */
export function iacUnits(path: string, text: string): IacUnit[] {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name.endsWith('.tf')) return terraformUnits(text, path);
  if (isComposeFile(name)) return composeUnits(text, path);
  if (/^\s*kind:\s*\S/m.test(text) && /^\s*apiVersion:\s*\S/m.test(text)) return k8sUnits(text, path);
  return [];
}
