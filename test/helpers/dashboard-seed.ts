import type { Finding } from '../../src/core/finding.js';
import { makeFinding, makeResult } from './scan-result.js';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

type Seeded = Finding & { introducedAt?: string };

/** A finding introduced some days ago (the metrics need an introduction time for MTTD). */
function f(o: Parameters<typeof makeFinding>[0], introducedDaysAgo: number): Seeded {
  return { ...makeFinding(o), introducedAt: ago(introducedDaysAgo) };
}

/** Pushes one scan result through the API, as `vanguard push` would. */
export async function push(
  url: string,
  token: string,
  project: string,
  findings: Seeded[],
  branch = 'main',
): Promise<void> {
  const res = await fetch(`${url}/api/v1/reports?project=${project}&branch=${branch}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(makeResult(findings)),
  });
  if (res.status !== 201) throw new Error(`push ${project}: ${res.status} ${await res.text()}`);
}

/**
 * A small organisation: three projects, every analyzer and most phases, and a second scan of one
 * project that no longer reports two findings (so they are fixed and MTTR has data).
 */
export async function seedOrganisation(url: string, token: string): Promise<void> {
  const payments = [
    f(
      {
        fingerprint: 'pay-sqli',
        severity: 'critical',
        title: 'SQL built from request input',
        tier: 'taint',
        flow: [
          { path: 'src/routes/users.js', line: 8, label: 'req.query.id', kind: 'source' },
          { path: 'src/routes/users.js', line: 9, label: 'findUser(…)', kind: 'step' },
          { path: 'src/users.js', line: 12, label: 'db.query(sql)', kind: 'sink' },
        ],
      },
      40,
    ),
    f(
      {
        fingerprint: 'pay-secret',
        ruleId: 'secrets/aws-access-key',
        analyzer: 'secrets',
        severity: 'high',
        title: 'AWS access key in configuration',
        message: 'An AWS access key id is committed in config/prod.env.',
        remediation: 'Revoke the key in IAM, then load it from the secret store at deploy time.',
        location: {
          path: 'config/prod.env',
          startLine: 3,
          snippet: 'AWS_ACCESS_KEY_ID=AKIA****************',
        },
        cwe: [798],
        owasp: ['A07:2025'],
        principles: ['authentication'],
      },
      12,
    ),
    f(
      {
        fingerprint: 'pay-log',
        ruleId: 'code/js-log-injection',
        severity: 'medium',
        title: 'Request data written to the log unescaped',
        message: 'req.body.note reaches logger.info without escaping line breaks.',
        remediation: 'Log structured fields (logger.info({ note })) so a newline cannot forge entries.',
        location: { path: 'src/audit.js', startLine: 30, snippet: 'logger.info(`note: ${req.body.note}`)' },
        cwe: [117],
        owasp: ['A09:2025'],
        principles: ['logging'],
      },
      5,
    ),
    f(
      {
        fingerprint: 'pay-tls',
        ruleId: 'iac/k8s-plain-http',
        analyzer: 'iac',
        severity: 'high',
        phase: 'build',
        title: 'Service exposed over plain HTTP',
        message: 'The Service publishes port 80 with no TLS in front of it.',
        remediation: 'Terminate TLS at the ingress and expose only port 443.',
        location: { path: 'k8s/service.yaml', startLine: 9, snippet: '    - port: 80' },
        cwe: [319],
        owasp: ['A04:2025'],
        principles: ['encryption'],
      },
      20,
    ),
    f(
      {
        fingerprint: 'pay-runtime',
        ruleId: 'runtime/falco-shell',
        analyzer: 'code',
        severity: 'high',
        phase: 'runtime',
        title: 'Shell spawned in the payments container',
        message: 'Falco saw /bin/sh started inside payments-7d9 (namespace shop).',
        remediation: 'Find who opened the shell; remove shells from the image (distroless).',
        location: { path: 'deploy/payments', startLine: 1, snippet: '' },
        cwe: [78],
        owasp: ['A05:2025'],
        principles: ['zoning-containment'],
      },
      3,
    ),
  ];
  await push(url, token, 'payments', payments);
  // The second scan no longer reports the log injection and the plain-HTTP service: both fixed.
  await push(
    url,
    token,
    'payments',
    payments.filter((x) => x.fingerprint !== 'pay-log' && x.fingerprint !== 'pay-tls'),
  );
  await push(url, token, 'web-shop', [
    f(
      {
        fingerprint: 'web-dep',
        ruleId: 'deps/GHSA-xxxx-yyyy-zzzz',
        analyzer: 'deps',
        severity: 'high',
        phase: 'build',
        title: 'lodash 4.17.20: prototype pollution',
        message: 'lodash 4.17.20 is affected by prototype pollution in zipObjectDeep.',
        remediation: 'Upgrade lodash to 4.17.21 (through express-helper, or with an override).',
        location: {
          path: 'package-lock.json',
          startLine: 120,
          snippet: '"node_modules/lodash": { "version": "4.17.20" }',
        },
        cwe: [1321],
        owasp: ['A03:2025'],
        principles: ['asset-management'],
        package: {
          ecosystem: 'npm',
          name: 'lodash',
          version: '4.17.20',
          purl: 'pkg:npm/lodash@4.17.20',
          fixedIn: ['4.17.21'],
          advisories: ['GHSA-xxxx-yyyy-zzzz'],
          direct: false,
          path: ['express-helper', 'lodash'],
        },
      },
      90,
    ),
    f(
      {
        fingerprint: 'web-xss',
        ruleId: 'code/js-xss',
        severity: 'medium',
        title: 'Reflected cross-site scripting',
        message: 'req.query.q is written into the page without encoding.',
        remediation: 'Render through the template engine with auto-escaping on.',
        location: { path: 'src/search.js', startLine: 44, snippet: 'res.send(`<h1>${req.query.q}</h1>`)' },
        cwe: [79],
        principles: ['zoning-containment'],
      },
      8,
    ),
    f(
      {
        fingerprint: 'web-action',
        ruleId: 'pipeline/unpinned-action',
        analyzer: 'pipeline',
        severity: 'low',
        phase: 'build',
        title: 'Action not pinned to a commit',
        message: 'actions/setup-node@v4 is referenced by tag, not by commit.',
        remediation: 'Pin the action to a full commit SHA and let Dependabot update it.',
        location: {
          path: '.github/workflows/ci.yml',
          startLine: 14,
          snippet: '      - uses: actions/setup-node@v4',
        },
        cwe: [829],
        owasp: ['A03:2025'],
        principles: ['asset-management'],
      },
      30,
    ),
  ]);
  await push(url, token, 'identity', [
    f(
      {
        fingerprint: 'id-threat',
        ruleId: 'threats/spoofing-unauthenticated-flow',
        analyzer: 'threats',
        severity: 'medium',
        phase: 'design',
        title: 'Flow between zones without authentication',
        message: 'The flow from the public zone to the identity API carries no authentication.',
        remediation: 'Require mutual TLS or a signed token on the flow and update the model.',
        location: { path: 'threatmodel.yaml', startLine: 40, snippet: '' },
        cwe: [306],
        owasp: ['A07:2025'],
        principles: ['authentication'],
      },
      2,
    ),
  ]);
}
