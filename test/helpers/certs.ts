import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Certificates for the probe's TLS tests, made at run time with the openssl CLI (node:crypto has no
 * X.509 writer). Keys are EC P-256, fast to make; nothing here is ever committed.
 */
export interface TestCert {
  key: string;
  cert: string;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** True when the openssl CLI can run here. */
export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A certificate authority for the tests to trust (passed to the probe as its CA file). */
export function makeCa(name = 'Vanguard Test CA'): TestCert {
  const dir = mkdtempSync(join(tmpdir(), 'vg-ca-'));
  openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '365',
    '-subj',
    `/CN=${name}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  return { key: readFileSync(join(dir, 'ca.key'), 'utf8'), cert: readFileSync(join(dir, 'ca.pem'), 'utf8') };
}

/**
 * A server certificate for `names` (DNS names or IP addresses), valid for `days`; signed by `ca`, or
 * self-signed without one.
 */
export function makeCert(opts: { names: string[]; days: number; ca?: TestCert }): TestCert {
  const dir = mkdtempSync(join(tmpdir(), 'vg-cert-'));
  const san = opts.names.map((n) => (/^[\d.]+$|:/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
  const cn = `/CN=${opts.names[0] ?? 'test'}`;
  if (!opts.ca) {
    openssl(dir, [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'key.pem',
      '-out',
      'cert.pem',
      '-days',
      String(opts.days),
      '-subj',
      cn,
      '-addext',
      `subjectAltName=${san}`,
    ]);
  } else {
    writeFileSync(join(dir, 'ca.key'), opts.ca.key);
    writeFileSync(join(dir, 'ca.pem'), opts.ca.cert);
    writeFileSync(join(dir, 'ext.cnf'), `subjectAltName=${san}\nbasicConstraints=CA:FALSE\n`);
    openssl(dir, [
      'req',
      '-new',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'key.pem',
      '-out',
      'req.csr',
      '-subj',
      cn,
    ]);
    openssl(dir, [
      'x509',
      '-req',
      '-in',
      'req.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'cert.pem',
      '-days',
      String(opts.days),
      '-extfile',
      'ext.cnf',
    ]);
  }
  return {
    key: readFileSync(join(dir, 'key.pem'), 'utf8'),
    cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
  };
}
