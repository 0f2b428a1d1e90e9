/** What the cross-check and `threats init` know about infrastructure code: units and their facts. */

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

const DB_IMAGES: [RegExp, UnitCategory][] = [
  [
    /(^|\/)(postgres|postgis|mysql|mariadb|mongo|mongodb|mssql|oracle|cockroach|cassandra|couchdb|clickhouse|elasticsearch|opensearch|neo4j|influxdb)([:@]|$)/,
    'database',
  ],
  [/(^|\/)(redis|valkey|memcached|keydb)([:@]|$)/, 'cache'],
  [/(^|\/)(rabbitmq|kafka|nats|activemq|mosquitto|pulsar)([:@]|$)/, 'queue'],
  [/(^|\/)(minio|azurite|localstack)([:@]|$)/, 'storage'],
];
/** The category of a container image by name: databases, caches, brokers, object stores. */
export function categoryOfImage(image: string): UnitCategory {
  const img = image.toLowerCase();
  for (const [re, cat] of DB_IMAGES) if (re.test(img)) return cat;
  return 'service';
}
