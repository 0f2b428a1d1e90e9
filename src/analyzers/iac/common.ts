import type { RawFinding, Severity } from '../../core/finding.js';
import type { RuleMeta } from '../../core/rule.js';
import { findingFrom } from '../../core/rule.js';
import type { SourceFile } from '../../core/analyzer.js';
import { isExpiredJwt } from '../secrets/spent-token.js';

/** A rule of the iac analyzer (the analyzer id is filled in). */
export function iacRule(r: Omit<RuleMeta, 'analyzer'>): RuleMeta {
  return { analyzer: 'iac', ...r };
}

/** Collects findings for one file, with the snippet taken from the offending line. */
export class Reporter {
  readonly findings: RawFinding[] = [];
  constructor(private readonly file: SourceFile) {}

  /** Reports `rule` at a 1-based line; `key` identifies the problem independent of the line. */
  add(
    rule: RuleMeta,
    line: number,
    message: string,
    key: string,
    extra: { secret?: string; severity?: Severity; snippet?: string } = {},
  ): void {
    // A JWT past its signed exp claim is a credential no verifier accepts: no rule reports it (spent-token.ts).
    if (extra.secret !== undefined && isExpiredJwt(extra.secret)) return;
    const safeLine = Math.max(1, line);
    // A caller that holds the line passes it: splitting a file of a million lines for one snippet is not free.
    const snippet = (extra.snippet ?? this.file.lines()[safeLine - 1] ?? '').trim();
    this.findings.push(
      findingFrom(rule, {
        message,
        location: { path: this.file.path, startLine: safeLine, snippet },
        fingerprintKey: key,
        ...(extra.secret !== undefined ? { secret: extra.secret } : {}),
        ...(extra.severity !== undefined ? { severity: extra.severity } : {}),
      }),
    );
  }
}

/** Remote-administration services that should never face the internet. */
export const ADMIN_PORTS: ReadonlyMap<number, string> = new Map([
  [22, 'SSH'],
  [23, 'Telnet'],
  [3389, 'RDP'],
  [5900, 'VNC'],
  [5985, 'WinRM over HTTP'],
  [5986, 'WinRM'],
  [2375, 'Docker API (plaintext)'],
  [2376, 'Docker API'],
  [10250, 'kubelet API'],
  [2379, 'etcd'],
]);

/** Databases and caches that should only be reachable from the application tier. */
export const DATABASE_PORTS: ReadonlyMap<number, string> = new Map([
  [1433, 'SQL Server'],
  [1521, 'Oracle'],
  [3306, 'MySQL'],
  [5432, 'PostgreSQL'],
  [6379, 'Redis'],
  [9042, 'Cassandra'],
  [9200, 'Elasticsearch'],
  [9300, 'Elasticsearch transport'],
  [11211, 'Memcached'],
  [27017, 'MongoDB'],
  [5984, 'CouchDB'],
  [8086, 'InfluxDB'],
  [7474, 'Neo4j'],
]);

/**
 * Services that carry credentials or data in clear text and have an encrypted alternative. Not SMTP's 25:
 * it is the port every mail exchanger must listen on (server-to-server mail has no other), and STARTTLS
 * encrypts it in place; submission with credentials has its own ports.
 */
export const PLAINTEXT_PORTS: ReadonlyMap<number, string> = new Map([
  [21, 'FTP'],
  [23, 'Telnet'],
  [69, 'TFTP'],
  [110, 'POP3'],
  [143, 'IMAP'],
  [161, 'SNMP'],
  [389, 'LDAP'],
  [512, 'rexec'],
  [513, 'rlogin'],
  [514, 'rsh'],
  [873, 'rsync'],
  [2375, 'Docker API (plaintext)'],
]);

/** Ports that are sensitive when exposed: admin, database (and their service names). */
export function sensitivePort(port: number): string | undefined {
  return ADMIN_PORTS.get(port) ?? DATABASE_PORTS.get(port);
}

/** Sensitive ports inside an inclusive range (for firewall rules). */
export function sensitivePortsIn(from: number, to: number): number[] {
  const out: number[] = [];
  for (const p of [...ADMIN_PORTS.keys(), ...DATABASE_PORTS.keys()]) if (p >= from && p <= to) out.push(p);
  return [...new Set(out)].sort((a, b) => a - b);
}

/** Describes a list of ports with their services, e.g. "22 (SSH), 3306 (MySQL)". */
export function describePorts(ports: readonly number[]): string {
  return ports.map((p) => `${p} (${sensitivePort(p) ?? PLAINTEXT_PORTS.get(p) ?? 'service'})`).join(', ');
}
