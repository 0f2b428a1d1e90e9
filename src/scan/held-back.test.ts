import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../core/profile.js';
import { loadConfig } from '../policy/config.js';
import { runScan } from './run-scan.js';

// Credentials built at run time, so none is written in this repository.
const TOKEN = ['ghp_', 'R7kQ2mX9vL4pT8wZ3nB6', 'cY1dF5hJ0sA2eG7uK9'].join('');
const PASSWORD = ['Vq7', 'mZ2', 'xP9', 'kL4', 'wR8'].join('');

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'vg-held-back-'));
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), content);
  }
  return root;
}

const root = tree({
  'app/client.py': `import requests\nGITHUB_TOKEN = "${TOKEN}"\nrequests.get(URL, auth=GITHUB_TOKEN)\n`,
  // A credential found by its name alone in a test file: the audit profile's (audit-shapes.ts, audit-only.ts).
  'tests/test_login.py': `def test_login(client):\n    password = "${PASSWORD}"\n    client.login("admin", password)\n`,
  'vanguard.yaml': `exceptions:
  - path: "tests/**"
    reason: "the tests' own login"
    owner: "qa"
    expires: 2099-12-31
`,
});

async function scan(profile: Profile) {
  const config = await loadConfig(root);
  return runScan({ path: root, workers: 1, failOn: 'none', only: ['secrets', 'code'], config, profile });
}

describe('what a default-profile scan leaves to the audit profile (ScanResult.heldBack)', () => {
  it('lists the fingerprints the audit scan reports, and no text of them', async () => {
    const plain = await scan('default');
    const audit = await scan('audit');
    expect(plain.findings.map((f) => f.location.path)).not.toContain('tests/test_login.py');
    const inTests = audit.findings.filter((f) => f.location.path === 'tests/test_login.py');
    expect(inTests.length).toBeGreaterThan(0);
    expect(plain.heldBack?.fingerprints).toEqual(expect.arrayContaining(inTests.map((f) => f.fingerprint)));
    expect(plain.heldBack?.analyzers).toEqual(['code', 'secrets']);
    // The audit rules the default scan did not run (their findings cannot be known to it).
    expect(plain.heldBack?.rules).toContain('code/js-xss-audit');
    expect(JSON.stringify(plain)).not.toContain(PASSWORD);
    expect(JSON.stringify(plain)).not.toContain(TOKEN);
    // An audit scan holds nothing back.
    expect(audit.heldBack).toBeUndefined();
  });

  it('does not call stale an exception that matches only held-back findings, and says so', async () => {
    const plain = await scan('default');
    expect(plain.policy?.staleExceptions).toEqual([]);
    expect(plain.policy?.auditProfileExceptions).toMatchObject([{ index: 0 }]);
    expect(plain.warnings.map((w) => w.code)).toContain('exception-audit-profile');
    expect(plain.warnings.map((w) => w.code)).not.toContain('exception-stale');
    const audit = await scan('audit');
    expect(audit.policy?.auditProfileExceptions).toBeUndefined();
    const inTests = audit.findings.filter((f) => f.location.path === 'tests/test_login.py');
    expect(inTests.every((f) => f.suppression?.kind === 'exception')).toBe(true);
  });
});
