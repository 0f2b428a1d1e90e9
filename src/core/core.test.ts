import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finalizeFinding, keyRepeats, processFindings } from './stages.js';
import { maskSecret } from './mask.js';
import { owaspForCwes, OWASP_2025 } from './taxonomy.js';
import type { RawFinding } from './finding.js';

describe('taxonomy', () => {
  it('maps CWEs to OWASP Top 10:2025 categories', () => {
    expect(owaspForCwes([89])).toEqual(['A05:2025']);
    expect(owaspForCwes([798, 521])).toEqual(['A07:2025']);
    expect(owaspForCwes([918, 22])).toEqual(['A01:2025']);
    expect(owaspForCwes([1395])).toEqual(['A03:2025']);
    expect(owaspForCwes([319, 502, 532, 209])).toEqual(['A04:2025', 'A08:2025', 'A09:2025', 'A10:2025']);
    expect(owaspForCwes([999999])).toEqual([]);
    expect(Object.keys(OWASP_2025)).toHaveLength(10);
  });
});

describe('maskSecret', () => {
  it('never shows more than a quarter of the secret (at most 4 characters), nor its length', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (s) => {
        const m = maskSecret(s);
        const shown = m.slice(0, -5);
        expect(m.endsWith('*****')).toBe(true);
        expect(shown.length).toBeLessThanOrEqual(Math.min(4, s.length / 4));
        expect(s.startsWith(shown)).toBe(true);
      }),
    );
    expect(maskSecret('AKIAZZZZZZZZZZZZZZZZ')).toBe('AKIA*****');
  });
});

function raw(over: Partial<RawFinding> = {}): RawFinding {
  return {
    ruleId: 'secrets/test',
    analyzer: 'secrets',
    severity: 'high',
    confidence: 'high',
    title: 'T',
    message: 'found',
    remediation: 'rotate',
    location: { path: 'a.env', startLine: 3, snippet: 'KEY=s3cr3t-value-1234' },
    cwe: [798],
    owasp: ['A07:2025'],
    principles: ['authentication'],
    phase: 'code',
    ...over,
  };
}

describe('finding stages', () => {
  it('masks the secret in every text field and drops it', () => {
    const secret = randomBytes(12).toString('hex');
    const f = finalizeFinding(
      raw({
        secret,
        message: `value ${secret} leaked`,
        fingerprintKey: secret,
        location: { path: 'a.env', startLine: 3, snippet: `KEY=${secret}` },
      }),
    );
    expect(JSON.stringify(f)).not.toContain(secret);
    expect(f.location.snippet).toBe(`KEY=${secret.slice(0, 4)}*****`);
    expect(f).not.toHaveProperty('secret');
    expect(f).not.toHaveProperty('fingerprintKey');
  });

  it("keeps the names a hard-coded-credential rule's fix quotes, while its message's literals are masked", () => {
    const token = randomBytes(12).toString('hex');
    const f = finalizeFinding(
      raw({
        analyzer: 'pipeline',
        ruleId: 'pipeline/test',
        message: `publishes with '${token}'`,
        remediation: 'Drop the token (`password:`, `NODE_AUTH_TOKEN`) and revoke it.',
        location: { path: '.github/workflows/release.yml', startLine: 3 },
      }),
    );
    expect(f.message).not.toContain(token);
    expect(f.remediation).toBe('Drop the token (`password:`, `NODE_AUTH_TOKEN`) and revoke it.');
    const named = finalizeFinding(raw({ secret: token, remediation: `Rotate ${token} now.` }));
    expect(named.remediation).not.toContain(token);
  });

  it("keeps the finding's own path whole in its message when the secret is part of the path", () => {
    const path = 'plugins/rcpt_to.in_host_list.js';
    const f = finalizeFinding(
      raw({
        secret: 'rcpt_to',
        message: `Hard-coded password in ${path}: rcpt_to`,
        location: { path, startLine: 3, snippet: "{ pass: 'rcpt_to' }" },
      }),
    );
    expect(f.message).toBe(`Hard-coded password in ${path}: r*****`);
    expect(f.location.snippet).toBe("{ pass: 'r*****' }");
  });

  it('masks each key of a secret written as a list, when a message quotes the list on one line', () => {
    const [k1, k2] = [randomBytes(9).toString('hex'), randomBytes(9).toString('hex')];
    const f = finalizeFinding(
      raw({
        ruleId: 'code/js-hardcoded-session-secret',
        secret: `[\n    '${k1}',\r\n    "${k2}",\n  ]`,
        message: `Session/token secret is hard-coded: keys: [ '${k1}', "${k2}", ]`,
        location: { path: 'app.js', startLine: 6, snippet: '  keys: [' },
      }),
    );
    expect(f.message).not.toContain(k1);
    expect(f.message).not.toContain(k2);
    expect(f.message).toBe(
      `Session/token secret is hard-coded: keys: [ '${k1.slice(0, 3)}*****, "${k2.slice(0, 3)}*****, ]`,
    );
  });

  it('masks a secret another finding of the file named in a finding that quotes the same line', () => {
    // `jwt.sign({ id: 1 }, 'key')`: a hard-coded key (which names it) and a token without expiry (which does not).
    const key = randomBytes(15).toString('hex');
    const line = `const t = jwt.sign({ id: 1 }, '${key}');`;
    const [named, other] = processFindings([
      raw({ ruleId: 'code/a', secret: `'${key}'`, location: { path: 'a.js', startLine: 1, snippet: line } }),
      raw({ ruleId: 'code/b', cwe: [613], location: { path: 'a.js', startLine: 1, snippet: line } }),
    ]).sort((x, y) => x.ruleId.localeCompare(y.ruleId));
    expect(named?.location.snippet).not.toContain(key);
    expect(other?.ruleId).toBe('code/b');
    expect(other?.location.snippet).not.toContain(key);
    expect(other?.location.snippet).toContain(`'${key.slice(0, 3)}`);
  });

  it('bounds snippets after masking so a cut never exposes part of a secret', () => {
    const secret = 'Z'.repeat(400);
    const f = finalizeFinding(raw({ secret, location: { path: 'a', startLine: 1, snippet: `k=${secret}` } }));
    expect(f.location.snippet).toBe('k=ZZZZ*****');
  });

  it('tells two secrets on lines of the same shape apart, without putting either in the fingerprint', () => {
    // Same first characters: the masked lines are identical.
    const [a, b] = [`abcd${randomBytes(12).toString('hex')}`, `abcd${randomBytes(12).toString('hex')}`];
    const at = (secret: string, line: number) =>
      raw({
        secret,
        location: { path: 'a.env', startLine: line, snippet: `KEY=${secret.slice(0, 4)}${secret.slice(4)}` },
      });
    const fa = finalizeFinding(at(a, 1));
    const fb = finalizeFinding(at(b, 1));
    expect(fa.fingerprint).not.toBe(fb.fingerprint);
    expect(finalizeFinding(at(a, 9)).fingerprint).toBe(fa.fingerprint);
    expect(processFindings([at(a, 1), at(b, 2)])).toHaveLength(2);
  });

  it('keeps the same text matched on two lines of a file as two findings, the first with its old fingerprint', () => {
    const at = (line: number) =>
      raw({ location: { path: 'chat.js', startLine: line, snippet: '$(el).html(msg)' } });
    const before = finalizeFinding(at(12)).fingerprint;
    const found = [at(30), at(12), at(12)];
    keyRepeats(found);
    const out = processFindings(found);
    expect(out.map((f) => f.location.startLine)).toEqual([12, 30]);
    expect(out[0]!.fingerprint).toBe(before);
    expect(out[1]!.fingerprint).not.toBe(before);
    // A key the analyzer gives (a package and advisory) still says what is one problem.
    const keyed = [at(3), at(4)].map((f) => ({ ...f, fingerprintKey: 'pkg@1|GHSA-1' }));
    keyRepeats(keyed);
    expect(processFindings(keyed)).toHaveLength(1);
  });

  it('keeps a code rule matching the same text on two lines as two findings, though the analyzer keys it', () => {
    // The code analyzer keys a match by its text (and a flow's source), not by a package or a secret: two
    // identical `eval(location.hash)` calls, or two handlers with the same `exec('ls ' + d)` flow, are two.
    const at = (line: number, analyzer: RawFinding['analyzer'] = 'code') =>
      raw({
        analyzer,
        ruleId: 'code/js-command-injection',
        fingerprintKey: "exec('ls ' + d)\0d",
        location: {
          path: 'server.js',
          startLine: line,
          snippet: `socket.on('e${line}', (d) => exec('ls ' + d));`,
        },
      });
    const before = finalizeFinding(at(4)).fingerprint;
    const found = [at(4), at(5)];
    keyRepeats(found);
    const out = processFindings(found);
    expect(out.map((f) => f.location.startLine)).toEqual([4, 5]);
    expect(out[0]!.fingerprint).toBe(before);
    // Another analyzer's key (a package and advisory) still says what is one problem.
    const pkg = [at(3, 'deps'), at(4, 'deps')];
    keyRepeats(pkg);
    expect(processFindings(pkg)).toHaveLength(1);
  });

  it('dedupes by fingerprint, preferring the working tree over history', () => {
    const history = raw({ location: { path: 'a.env', startLine: 9, snippet: 'KEY=x', commit: 'abc' } });
    const current = raw({ location: { path: 'a.env', startLine: 2, snippet: 'KEY=x' } });
    const out = processFindings([history, current]);
    expect(out).toHaveLength(1);
    expect(out[0]!.location.commit).toBeUndefined();
  });
});

describe('mergeSameCodeProblem', () => {
  const base: RawFinding = {
    ruleId: 'code/py-sql-injection-audit',
    analyzer: 'code',
    severity: 'medium',
    confidence: 'medium',
    tier: 'audit',
    title: 'SQL built at run time',
    message: 'An SQL statement is built from a variable.',
    remediation: 'Bind parameters.',
    location: { path: 'app/dao.py', startLine: 6, snippet: 'cursor.execute(query)' },
    cwe: [89],
    owasp: ['A05:2025'],
    principles: ['zoning-containment'],
    phase: 'code',
  };
  const taint: RawFinding = {
    ...base,
    ruleId: 'code/py-sql-injection',
    severity: 'high',
    confidence: 'high',
    tier: 'taint',
    message: 'User input reaches cursor.execute(query).',
    fingerprintKey: 'cursor.execute(query)\0request.args',
  };

  it('keeps the taint finding of a DAO line that its own file reported as an audit, naming the audit rule', () => {
    const out = processFindings([base, taint]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ ruleId: 'code/py-sql-injection', tier: 'taint', severity: 'high' });
    expect(out[0]!.message).toBe(
      'User input reaches cursor.execute(query). Also matched: code/py-sql-injection-audit.',
    );
  });

  it('keeps a reported finding over a stronger one withheld by design on the same line', () => {
    const withheld: RawFinding = {
      ...taint,
      suppression: { kind: 'by-design', reason: 'the route is behind the login that also opens the shell' },
    };
    const open: RawFinding = {
      ...taint,
      severity: 'medium',
      message: 'User input from an open socket reaches cursor.execute(query).',
      fingerprintKey: 'cursor.execute(query)\0socket',
    };
    const out = processFindings([withheld, open]);
    expect(out).toHaveLength(1);
    expect(out[0]!.suppression).toBeUndefined();
    expect(out[0]!.message).toContain('open socket');
    // All withheld: the strongest stays, withheld.
    const both = processFindings([withheld, { ...base, suppression: withheld.suppression }]);
    expect(both).toHaveLength(1);
    expect(both[0]).toMatchObject({ ruleId: 'code/py-sql-injection', suppression: { kind: 'by-design' } });
  });

  it('keeps different weaknesses on one line, the same weakness on other lines, and other analyzers apart', () => {
    const other = { ...base, ruleId: 'code/py-command-injection-audit', cwe: [78] };
    const moved = { ...taint, location: { ...taint.location, startLine: 7 } };
    const iac = { ...base, analyzer: 'iac' as const, ruleId: 'iac/x' };
    expect(
      processFindings([base, other])
        .map((f) => f.ruleId)
        .sort(),
    ).toEqual(['code/py-command-injection-audit', 'code/py-sql-injection-audit']);
    expect(processFindings([base, moved])).toHaveLength(2);
    expect(processFindings([base, iac])).toHaveLength(2);
  });
});
