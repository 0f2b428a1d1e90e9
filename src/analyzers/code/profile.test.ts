import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.js';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { parseConfig } from '../../policy/config.js';
import { codeAnalyzer, profileOf, rulesFor } from './index.js';
import { parseRuleFile } from './load-rules.js';
import { templateRules } from './template-rules.js';

const SERVICE = `const fs = require('fs');
function load(name) {
  return fs.readFileSync(name, 'utf8');
}
module.exports = { load };
`;

const ROUTE = `const fs = require('fs');
const app = require('express')();
app.get('/f', (req, res) => {
  res.send(fs.readFileSync(req.query.name));
});
`;

async function scan(code: string, options: Record<string, unknown>) {
  const file = makeSourceFile('src/service.js', code, 'src/service.js', Buffer.from(code));
  return codeAnalyzer.analyze(file, makeMemoryContext({}, options));
}

describe('the audit profile', () => {
  it('is off by default and adds low-confidence leads when chosen', async () => {
    expect(await scan(SERVICE, {})).toEqual([]);
    expect(await scan(SERVICE, { profile: 'default' })).toEqual([]);
    const found = await scan(SERVICE, { profile: 'audit' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      ruleId: 'code/js-audit-file-path',
      tier: 'audit',
      confidence: 'low',
      severity: 'low',
      cwe: [22, 73],
      location: { startLine: 3 },
    });
    expect(found[0]!.owasp.length).toBeGreaterThan(0);
    expect(found[0]!.message).toMatch(/^Audit lead \(not proven\)/);
  });

  it('leaves a proven flow to the taint rule: one finding on the line, the stronger', async () => {
    const found = await scan(ROUTE, { profile: 'audit' });
    const onLine = found.filter((f) => f.location.startLine === 4 && f.cwe.includes(22));
    expect(onLine.map((f) => f.ruleId)).toEqual(['code/js-path-traversal']);
  });

  it('rejects an unknown profile', () => {
    expect(() => profileOf({ profile: 'loud' })).toThrow(ConfigError);
    expect(profileOf({})).toBe('default');
  });

  it('keeps a default rule on its line when an audit-profile rule as strong matches it too', async () => {
    const code =
      'from lxml import etree\n\n\ndef load(request):\n    return etree.fromstring(request.body)\n';
    const file = makeSourceFile('app/xml.py', code, 'app/xml.py', Buffer.from(code));
    for (const profile of ['default', 'audit']) {
      const found = await codeAnalyzer.analyze(file, makeMemoryContext({}, { profile }));
      // py-xxe-audit and py-audit-xml-parse: both audit tier, medium severity, low confidence.
      expect(
        found.map((f) => `${f.ruleId}:${f.location.startLine}`),
        profile,
      ).toEqual(['code/py-xxe-audit:5']);
    }
  });

  it('reports a Jinja2 environment without auto-escaping only in the audit profile', async () => {
    const code = 'import jinja2\n\nenv = jinja2.Environment(loader=jinja2.FileSystemLoader("templates"))\n';
    const file = makeSourceFile('app/pages.py', code, 'app/pages.py', Buffer.from(code));
    const lines = async (profile: string) =>
      (await codeAnalyzer.analyze(file, makeMemoryContext({}, { profile }))).map(
        (f) => `${f.ruleId}:${f.location.startLine}:${f.confidence}`,
      );
    expect(await lines('default')).toEqual([]);
    expect(await lines('audit')).toEqual(['code/py-jinja2-autoescape-disabled:3:low']);
  });

  it('leaves a document a function is given by its caller to the audit profile (py-audit-xml-parse)', async () => {
    const code = 'from lxml import etree\n\n\ndef load(data):\n    return etree.fromstring(data)\n';
    const file = makeSourceFile('app/xml.py', code, 'app/xml.py', Buffer.from(code));
    const lines = async (profile: string) =>
      (await codeAnalyzer.analyze(file, makeMemoryContext({}, { profile }))).map(
        (f) => `${f.ruleId}:${f.location.startLine}`,
      );
    expect(await lines('default')).toEqual([]);
    expect(await lines('audit')).toEqual(['code/py-audit-xml-parse:5']);
  });

  it('reports a pickle read from a file only in the audit profile, bytes in both', async () => {
    const code = [
      'import pickle',
      '',
      '',
      'def load_state(path):',
      "    with open(path, 'rb') as f:",
      '        return pickle.load(f)',
      '',
      '',
      'def from_peer(conn):',
      '    return pickle.loads(conn.recv(4096))',
      '',
    ].join('\n');
    const file = makeSourceFile('app/state.py', code, 'app/state.py', Buffer.from(code));
    const lines = async (profile: string) =>
      (await codeAnalyzer.analyze(file, makeMemoryContext({}, { profile })))
        .map((f) => `${f.ruleId}:${f.location.startLine}`)
        .sort();
    expect(await lines('default')).toEqual(['code/py-pickle-load:10']);
    expect(await lines('audit')).toEqual([
      'code/py-audit-file-path:5',
      'code/py-audit-pickle-file:6',
      'code/py-pickle-load:10',
    ]);
  });

  it('reports a request merged by a recursive copy only in the audit profile, as a lead', async () => {
    const code = [
      "const app = require('express')();",
      'function merge(target, source) {',
      '  for (const key in source) {',
      "    if (typeof source[key] === 'object') {",
      '      if (!target[key]) target[key] = {};',
      '      merge(target[key], source[key]);',
      '    } else target[key] = source[key];',
      '  }',
      '}',
      "app.post('/settings', (req, res) => res.json(merge({}, req.body)));",
      '',
    ].join('\n');
    const found = async (profile: string) =>
      (await scan(code, { profile })).filter((f) => f.cwe.includes(1321));
    expect(await found('default')).toEqual([]);
    const audit = await found('audit');
    expect(audit.map((f) => `${f.ruleId}:${f.location.startLine}`).sort()).toEqual([
      'code/js-prototype-pollution:5',
      'code/js-prototype-pollution:7',
    ]);
    for (const f of audit) expect(f).toMatchObject({ tier: 'taint', severity: 'medium', confidence: 'low' });
  });

  it('keeps its rules out of the default rule set and lists them in the catalogue', () => {
    const defaults = new Set(rulesFor().set.rules.map((r) => r.id));
    const audit = rulesFor([], 'audit').set.rules.filter((r) => r.profile === 'audit');
    expect(audit.length).toBeGreaterThanOrEqual(15);
    for (const r of audit) {
      expect(defaults.has(r.id), r.id).toBe(false);
      // A lead by its pattern (audit), or a proven flow to a write that is itself only a lead (taint).
      expect(['audit', 'taint'], r.id).toContain(r.tier);
      expect(r.confidence, r.id).toBe('low');
      expect(['low', 'medium'], r.id).toContain(r.severity);
      expect(r.cwe.length, r.id).toBeGreaterThan(0);
    }
    // The catalogue also lists the template rules of the profile, which are matched outside the rule set.
    const templates = [...templateRules().values()].filter((r) => r.profile === 'audit').map((r) => r.id);
    expect(templates.length).toBeGreaterThan(0);
    const listed = codeAnalyzer.rules.filter((r) => r.profile === 'audit').map((r) => r.id);
    expect(listed.sort()).toEqual([...audit.map((r) => r.id), ...templates].sort());
  });

  it('refuses an audit-profile rule that claims more than a lead', () => {
    const rule = (extra: string) => `rules:
  - id: acme/loud
    profile: audit
    tier: audit
    title: t
    description: d
    languages: [javascript]
    severity: high
    confidence: low
    cwe: [22]
    principles: [zoning-containment]
    message: m
    remediation: r
    match: { pattern: foo($X) }
${extra}`;
    expect(() => parseRuleFile('x.yaml', rule(''))).toThrow(/severity low or medium/);
    expect(() => parseRuleFile('x.yaml', rule('').replace('severity: high', 'severity: low'))).not.toThrow();
    expect(() =>
      parseRuleFile(
        'x.yaml',
        rule('').replace('severity: high', 'severity: low').replace('confidence: low', 'confidence: medium'),
      ),
    ).toThrow(/confidence "low"/);
    // A pattern rule proves neither a flow nor a weakness; it is an audit rule or none of the profile.
    expect(() =>
      parseRuleFile(
        'x.yaml',
        rule('').replace('severity: high', 'severity: low').replace('tier: audit', 'tier: pattern'),
      ),
    ).toThrow(/tier "audit"/);
  });

  it('takes a taint rule whose flow reaches only a lead (low confidence) into the profile', () => {
    const rule = (confidence: string) => `rules:
  - id: acme/key-write
    profile: audit
    title: t
    description: d
    languages: [javascript]
    severity: low
    confidence: ${confidence}
    cwe: [1321]
    principles: [zoning-containment]
    message: m
    remediation: r
    taint:
      sources: [http]
      sinks: [{ pattern: '$O[$K] = $V', arg: K }]
`;
    expect(parseRuleFile('x.yaml', rule('low')).rules[0]).toMatchObject({ tier: 'taint', profile: 'audit' });
    expect(() => parseRuleFile('x.yaml', rule('medium'))).toThrow(/confidence "low"/);
  });

  it('refuses a calleeIn whose metavariable the match never binds (its check would silently keep every match)', () => {
    const rule = (metavar: string) => `rules:
  - id: acme/calls
    title: t
    description: d
    languages: [javascript]
    severity: low
    confidence: low
    cwe: [22]
    principles: [zoning-containment]
    message: m
    remediation: r
    match: { pattern: $F($P) }
    calleeIn: { metavar: ${metavar}, modules: [fs], functions: [readFile] }
`;
    expect(() => parseRuleFile('x.yaml', rule('F'))).not.toThrow();
    expect(() => parseRuleFile('x.yaml', rule('$F'))).not.toThrow();
    expect(() => parseRuleFile('x.yaml', rule('FN'))).toThrow(/calleeIn\.metavar "FN"/);
  });

  it('reports a signing key left as a placeholder only in the audit profile; a chosen key in both', async () => {
    const settings = (value: string) => `DEBUG = False\nSECRET_KEY = '${value}'\n`;
    const scanPy = (code: string, profile: string) =>
      codeAnalyzer.analyze(
        makeSourceFile('site/settings.py', code, 'site/settings.py', Buffer.from(code)),
        makeMemoryContext({}, { profile }),
      );
    const ids = async (code: string, profile: string) =>
      (await scanPy(code, profile)).map((f) => [f.ruleId, f.tier, f.confidence]);
    const placeholder = settings('SET THIS TO A RANDOM STRING');
    expect(await ids(placeholder, 'default')).toEqual([]);
    expect(await ids(placeholder, 'audit')).toEqual([['code/py-placeholder-secret-key', 'audit', 'low']]);
    // A key the author chose: the default rule's, in both profiles.
    const chosen = settings(['q7Lm', '2vXp', '9RtK', 'e4Wz', 'N8bY', 'c3Hs'].join(''));
    for (const profile of ['default', 'audit'])
      expect((await ids(chosen, profile)).map((f) => f[0])).toEqual(['code/py-hardcoded-secret-key']);
  });

  it('is chosen in vanguard.yaml', () => {
    expect(parseConfig('profile: audit\n').profile).toBe('audit');
    expect(parseConfig('version: 1\n').profile).toBeUndefined();
    expect(() => parseConfig('profile: loud\n')).toThrow(/profile/);
  });
});
