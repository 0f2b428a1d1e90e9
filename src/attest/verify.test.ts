import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readProvenance, toBundle, BUNDLE_V03 } from './bundle.js';
import { signEnvelope, type Envelope } from './dsse.js';
import { INTOTO_PAYLOAD_TYPE, provenanceStatement, type WatchVerdict } from './provenance.js';
import { repoOf, verifyProvenance, type Expectations } from './verify.js';

const artifact = Buffer.from('the product\n');
const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');
const COMMIT = 'a'.repeat(40);
const clean: WatchVerdict = {
  tampered: false,
  complete: true,
  trackedFiles: 3,
  watchedFolders: 2,
  events: 0,
  tamperedPaths: [],
  addedPaths: [],
  coverageLost: [],
};

function statement(over: { verdict?: WatchVerdict; subject?: string } = {}): Buffer {
  const s = provenanceStatement({
    subjects: [{ name: 'dist/app.js', sha256: over.subject ?? sha(artifact) }],
    command: ['make'],
    workingDirectory: '',
    artifacts: ['dist/app.js'],
    source: { uri: 'git+https://github.com/acme/app@refs/heads/main', digest: { gitCommit: COMMIT } },
    dependencies: [],
    env: {
      ci: 'github-actions',
      builderId: 'https://github.com/acme/app/.github/workflows/build.yml@refs/heads/main',
    },
    startedOn: new Date('2026-01-01T00:00:00Z'),
    finishedOn: new Date('2026-01-01T00:01:00Z'),
    exitCode: 0,
    watchLog: { sha256: sha('log') },
    verdict: over.verdict ?? clean,
  });
  return Buffer.from(JSON.stringify(s));
}

const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const check = (text: string, expect: Expectations = {}, pub: KeyObject = key.publicKey) =>
  verifyProvenance({
    artifactSha256: sha(artifact),
    artifactName: 'dist/app.js',
    provenanceText: text,
    provenancePath: 'app.intoto.jsonl',
    key: pub,
    expect,
  });
const rules = (text: string, e: Expectations = {}, pub?: KeyObject): string[] =>
  check(text, e, pub).findings.map((f) => f.ruleId);
const jsonl = (env: Envelope): string => `${JSON.stringify(env)}\n`;
const signed = (body: Buffer, type = INTOTO_PAYLOAD_TYPE): Envelope =>
  signEnvelope(body, type, key.privateKey, 'k');

describe('verifyProvenance', () => {
  const expected = {
    sourceUri: 'https://github.com/acme/app',
    commit: COMMIT.slice(0, 7),
    builderId: 'https://github.com/acme/app/.github/workflows/build.yml@refs/heads/main',
  };

  it('passes a good envelope and a good Sigstore bundle, with every expectation checked', () => {
    expect(rules(jsonl(signed(statement())), expected)).toEqual([]);
    const bundle = JSON.stringify(toBundle(signed(statement()), 'k'));
    expect(JSON.parse(bundle)).toMatchObject({ mediaType: BUNDLE_V03 });
    const out = check(bundle, expected);
    expect(out.findings).toEqual([]);
    expect(out.passed).toHaveLength(6);
  });

  it('fails a tampered payload (signature no longer verifies)', () => {
    const env = signed(statement());
    const body = Buffer.from(env.payload, 'base64').toString().replace('"make"', '"make evil"');
    expect(rules(jsonl({ ...env, payload: Buffer.from(body).toString('base64') }))).toContain(
      'supply-chain/provenance-signature-invalid',
    );
  });

  it('fails a signature by another key', () => {
    const other = generateKeyPairSync('ed25519');
    expect(rules(jsonl(signed(statement())), {}, other.publicKey)).toEqual([
      'supply-chain/provenance-signature-invalid',
    ]);
  });

  it('fails a swapped subject: signed provenance of another artifact', () => {
    expect(rules(jsonl(signed(statement({ subject: sha('another build') }))))).toEqual([
      'supply-chain/provenance-subject-mismatch',
    ]);
  });

  it('fails a replaced envelope type, re-signed or not', () => {
    const env = signed(statement());
    expect(rules(jsonl({ ...env, payloadType: 'application/json' }))).toEqual([
      'supply-chain/provenance-signature-invalid',
      'supply-chain/provenance-payload-type',
    ]);
    expect(rules(jsonl(signed(statement(), 'application/json')))).toEqual([
      'supply-chain/provenance-payload-type',
    ]);
  });

  it('fails another source, commit or builder', () => {
    const got = check(jsonl(signed(statement())), {
      sourceUri: 'https://github.com/evil/app',
      commit: 'b'.repeat(40),
      builderId: 'urn:vanguard:builder:local:laptop',
    }).findings;
    expect(got.map((f) => f.ruleId)).toEqual(Array(3).fill('supply-chain/provenance-unexpected-origin'));
    expect(got.map((f) => f.message).join(' ')).toMatch(/evil.*b{40}.*laptop/s);
  });

  it('fails a build that recorded tampering or lost its watch', () => {
    const tampered = { ...clean, tampered: true, tamperedPaths: ['src/a.ts'] };
    const found = check(jsonl(signed(statement({ verdict: tampered })))).findings;
    expect(found.map((f) => f.ruleId)).toEqual(['supply-chain/provenance-records-tampering']);
    expect(found[0]!.message).toContain('src/a.ts');
    expect(rules(jsonl(signed(statement({ verdict: { ...clean, complete: false } }))))).toEqual([
      'supply-chain/provenance-records-tampering',
    ]);
  });

  it('reports an unsigned statement and an unreadable file as findings, not crashes', () => {
    expect(rules(statement().toString())).toEqual(['supply-chain/provenance-signature-invalid']);
    expect(rules('{not json')).toEqual(['supply-chain/provenance-payload-type']);
    expect(() => readProvenance('{"mediaType":"application/x-other"}')).toThrow(/media type/);
  });

  it('compares repositories without refs, .git suffixes or credentials', () => {
    expect(repoOf('git+https://github.com/acme/app@refs/heads/main')).toBe('https://github.com/acme/app');
    expect(repoOf('git@github.com:acme/app.git')).toBe('https://github.com/acme/app');
    expect(repoOf('https://user:pw@github.com/acme/app.git')).toBe('https://github.com/acme/app');
  });
});
