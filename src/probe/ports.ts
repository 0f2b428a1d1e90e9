import { connect } from 'node:net';
import type { RawFinding } from '../core/finding.js';
import { probeFinding } from './finding.js';
import { PORT_UNDECLARED } from './rules.js';

/** Services worth naming in a finding, and those that must never face the public (severity high). */
const SERVICES: ReadonlyMap<number, { name: string; sensitive: boolean }> = new Map(
  (
    [
      [21, 'FTP', true],
      [22, 'SSH', true],
      [23, 'Telnet', true],
      [25, 'SMTP', false],
      [53, 'DNS', false],
      [80, 'HTTP', false],
      [111, 'rpcbind', true],
      [135, 'MS RPC', true],
      [139, 'NetBIOS', true],
      [389, 'LDAP', true],
      [443, 'HTTPS', false],
      [445, 'SMB', true],
      [873, 'rsync', true],
      [1433, 'SQL Server', true],
      [1521, 'Oracle', true],
      [2049, 'NFS', true],
      [2375, 'Docker API (plaintext)', true],
      [2376, 'Docker API', true],
      [2379, 'etcd', true],
      [3306, 'MySQL', true],
      [3389, 'RDP', true],
      [5432, 'PostgreSQL', true],
      [5601, 'Kibana', false],
      [5672, 'AMQP', true],
      [5900, 'VNC', true],
      [5984, 'CouchDB', true],
      [5985, 'WinRM', true],
      [5986, 'WinRM', true],
      [6379, 'Redis', true],
      [6443, 'Kubernetes API', true],
      [8080, 'HTTP', false],
      [8443, 'HTTPS', false],
      [9042, 'Cassandra', true],
      [9092, 'Kafka', true],
      [9200, 'Elasticsearch', true],
      [9300, 'Elasticsearch transport', true],
      [10250, 'kubelet API', true],
      [11211, 'Memcached', true],
      [15672, 'RabbitMQ management', true],
      [27017, 'MongoDB', true],
    ] as const
  ).map(([port, name, sensitive]) => [port, { name, sensitive }]),
);

export interface PortScanOptions {
  concurrency: number;
  timeoutMs: number;
}

/** True when a TCP connection to the port completes (refused, reset or silent ports are closed). */
function isOpen(address: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port });
    const done = (open: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(open);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** TCP connect scan of one address: `concurrency` connections at most, each bounded by the timeout. */
export async function openPorts(
  address: string,
  ports: readonly number[],
  opts: PortScanOptions,
): Promise<number[]> {
  const open: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < ports.length) {
      const port = ports[next++]!;
      if (await isOpen(address, port, opts.timeoutMs)) open.push(port);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, ports.length)) }, worker));
  return open.sort((a, b) => a - b);
}

/** An open port that nothing declares: a finding, high for administration and data services. */
export function undeclaredPortFinding(host: string, port: number): RawFinding {
  const svc = SERVICES.get(port);
  const place = `tcp://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return probeFinding(
    PORT_UNDECLARED,
    place,
    `Port ${port}${svc ? ` (${svc.name})` : ''} is open on ${host}, and the project declares no such port.`,
    `port:${port}`,
    { severity: svc?.sensitive ? 'high' : 'medium' },
  );
}
