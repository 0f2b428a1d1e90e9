import { describe, expect, it } from 'vitest';
import { scanText } from './test-scan.js';
import { forProfile } from './audit-shapes.js';
import { testCredentialForAudit } from '../code/audit-only.js';

// Words joined at run time so this file holds no password for the repository's own scan.
const PASS = ['pass', 'word'].join('');
const weak = `exports.email = 'test@test.com';\nexports.${PASS} = 'test123';\n`;
const named = `const owasp${PASS[0]!.toUpperCase()}${PASS.slice(1)} = '${['t7GTx', 'Y9pcsnxRv6'].join('&$')}';\n`;

/** The rules `forProfile` keeps in the default profile for `text` at `path` in a tree of `paths`. */
const kept = (path: string, text: string, paths: string[]): string[] =>
  forProfile(scanText(text, path), path, text, {}, new Set(paths)).map((d) => d.ruleId);

describe('name-only credentials in a compiled test module or a file of the tests’ logins', () => {
  const pkg = [
    'package.json',
    'dist/a.test.js',
    'dist/a.test.d.ts',
    'dist/db/testCredentials.js',
    'dist/db/testCredentials.d.ts',
    'dist/db/creds.js',
  ];

  it('leaves them to the audit profile where the scan reads dist/ as the only copy of the code', () => {
    expect(scanText(named, 'dist/a.test.js').length).toBeGreaterThan(0);
    expect(kept('dist/a.test.js', named, pkg)).toEqual([]);
    expect(scanText(weak, 'dist/db/testCredentials.js').length).toBeGreaterThan(0);
    expect(kept('dist/db/testCredentials.js', weak, pkg)).toEqual([]);
    expect(kept('dist/db/testCredentials.d.ts', weak, pkg)).toEqual([]);
  });

  it('keeps them in a module of another name, and where dist/ is not the only copy', () => {
    expect(kept('dist/db/creds.js', weak, pkg)).not.toEqual([]);
    expect(kept('dist/a.test.js', named, [...pkg, 'src/a.test.ts'])).not.toEqual([]);
  });
});

describe("the code analyzer's name-based credential in a compiled test module", () => {
  it('is the audit profile’s where the scan reads dist/ as the only copy of the code, as the secrets analyzer’s', () => {
    const pkg = new Set(['package.json', 'dist/a.test.js', 'dist/a.test.d.ts', 'dist/db/creds.js']);
    expect(testCredentialForAudit('code/js-hardcoded-credential', 'dist/a.test.js', named, {}, pkg)).toBe(
      true,
    );
    expect(testCredentialForAudit('code/js-hardcoded-credential', 'dist/a.test.js', named, {})).toBe(false);
    expect(testCredentialForAudit('code/js-hardcoded-credential', 'dist/db/creds.js', named, {}, pkg)).toBe(
      false,
    );
  });
});
