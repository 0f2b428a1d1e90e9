import { describe, expect, it } from 'vitest';
import { iacAnalyzer } from '../iac/index.js';
import { runOn } from '../iac/examples/run.js';
import {
  isExpiredJwt,
  isExpiredTokenReply,
  presignedVerdict,
  spentTokenReason,
  SPENT_MARGIN_MS,
} from './spent-token.js';
import { expandTemplate, seededRandom } from './test-tokens.js';
import { scanText } from './test-scan.js';

const rnd = seededRandom(4242);
const b64url = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (claims: object): string =>
  `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(claims)}.${expandTemplate('<<url:43>>', rnd)}`;
const now = Date.UTC(2026, 11, 7);
const sec = (ms: number): number => Math.floor(ms / 1000);

describe('a JWT past its exp claim', () => {
  it('is spent more than a day after exp, not within the margin, and never without exp', () => {
    expect(isExpiredJwt(jwt({ iss: 'registry', exp: sec(now - SPENT_MARGIN_MS - 1000) }), now)).toBe(true);
    expect(isExpiredJwt(jwt({ iss: 'registry', exp: sec(now - 1000) }), now)).toBe(false);
    expect(isExpiredJwt(jwt({ iss: 'registry', exp: sec(now + 3600_000) }), now)).toBe(false);
    expect(isExpiredJwt(jwt({ iss: 'registry', sub: 'ci' }), now)).toBe(false);
    expect(isExpiredJwt(jwt({ iss: 'registry', exp: '1600000000' }), now)).toBe(false);
  });

  it('is reported by no rule; a token without exp or with a future exp stays reported', () => {
    const line = (t: string) => `Authorization: Bearer ${t}`;
    const ids = (t: string) => scanText(line(t), 'tests/fixtures/registry.yaml').map((d) => d.ruleId);
    expect(ids(jwt({ iss: 'registry', exp: 1614000000 }))).toEqual([]);
    expect(ids(jwt({ iss: 'registry', sub: 'deploy' }))).toContain('secrets/jwt');
    expect(ids(jwt({ iss: 'registry', exp: 4100000000 }))).toContain('secrets/jwt');
    // Under a secret-like name, the generic rule does not take up what the JWT rule let go.
    const named = `auth_token: "${jwt({ iss: 'registry', exp: 1614000000 })}"`;
    expect(scanText(named, 'config/app.yml')).toEqual([]);
  });
});

describe("a token service's reply with issued_at and expires_in", () => {
  const reply = (issued: string) =>
    `{"expires_in":43200,"issued_at":"${issued}","token":"${expandTemplate('<<a62:40>>', rnd)}"}`;
  it('is spent once issued_at plus expires_in is more than a day past', () => {
    const r = reply('2021-04-11T13:54:08.565782194-07:00');
    const token = /"token":"([^"]+)"/.exec(r)![1]!;
    expect(isExpiredTokenReply(r, token, now)).toBe(true);
    expect(isExpiredTokenReply(reply('2026-12-07T00:00:00Z'), token, now)).toBe(false);
    // Only the token of the reply: another field of the object is not judged by it.
    expect(isExpiredTokenReply(r.replace('"token"', '"client_secret"'), token, now)).toBe(false);
    // Nor by the fields of an object nested before or after it in the same object.
    const fields = '"expires_in":43200,"issued_at":"2021-04-11T13:54:08Z"';
    expect(isExpiredTokenReply(`{"token":"${token}","meta":{${fields}}}`, token, now)).toBe(false);
    expect(isExpiredTokenReply(`{"meta":{${fields}},"token":"${token}"}`, token, now)).toBe(false);
    expect(isExpiredTokenReply(`[{"token":"${token}",${fields}},{"a":1}]`, token, now)).toBe(true);
  });
});

describe('an AWS key id that signs a pre-signed URL', () => {
  const key = expandTemplate('AKIA<<b32:16>>', rnd);
  const v4 = (date: string) =>
    `Location: https://b.s3.amazonaws.com/f?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${key}%2F${date.slice(0, 8)}%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=${date}&X-Amz-Expires=300&X-Amz-Signature=${expandTemplate('<<hex:64>>', rnd)}`;
  it('is not reported once the URL expired, low while it is valid', () => {
    expect(presignedVerdict(v4('20210609T090321Z'), key, now)).toBe(false);
    expect(presignedVerdict(v4('20261207T000000Z'), key, now)).toMatchObject({ severity: 'low' });
    const v2 = `https://b.s3.amazonaws.com/f?AWSAccessKeyId=${key}&Expires=1600000000&Signature=${expandTemplate('<<a62:27>>', rnd)}%3D`;
    expect(presignedVerdict(v2, key, now)).toBe(false);
    // The same URL HTML-escaped in a recorded page (`&amp;`).
    expect(presignedVerdict(v4('20210609T090321Z').replaceAll('&', '&amp;'), key, now)).toBe(false);
  });

  it('is reported by no rule once expired (the generic rule does not take up X-Amz-Credential)', () => {
    const page = `<a href="${v4('20210609T090321Z').slice('Location: '.length).replaceAll('&', '&amp;')}">`;
    expect(scanText(page, 'tests/fixtures/release.yaml')).toEqual([]);
    expect(scanText(v4('20210609T090321Z'), 'tests/fixtures/release.yaml')).toEqual([]);
  });

  it('keeps its level anywhere else, in a test as in a configuration', () => {
    expect(presignedVerdict(`aws_access_key_id = ${key}`, key, now)).toEqual({});
    const found = scanText(`aws_access_key_id = ${key}`, 'tests/fixtures/aws.yaml');
    expect(found.map((d) => [d.ruleId, d.severity])).toEqual([['secrets/aws-access-key', undefined]]);
    // A URL naming the key id without a signature is no pre-signed URL.
    expect(presignedVerdict(`https://b.s3.amazonaws.com/f?X-Amz-Credential=${key}`, key, now)).toEqual({});
  });
});

describe('an expired JWT in the other analyzers', () => {
  it("is a code rule's literal suppressed by design, quoted as the code rules capture it", () => {
    const old = jwt({ iss: 'auth.acme.io', exp: 1614000000 });
    expect(spentTokenReason(`"${old}"`, now)).toMatch(/exp claim passed on 2021-02-22/);
    expect(spentTokenReason(`r'${old}'`, now)).toMatch(/no verifier accepts it/);
    expect(spentTokenReason(`"${jwt({ iss: 'auth.acme.io', exp: 4100000000 })}"`, now)).toBeUndefined();
    expect(spentTokenReason(`"${jwt({ iss: 'auth.acme.io', sub: 'svc' })}"`, now)).toBeUndefined();
  });

  it("is not an iac finding's literal credential; a live one stays", async () => {
    const pod = (t: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: a\n    image: acme/a:1.0\n    env:\n    - name: API_TOKEN\n      value: ${t}\n`;
    const secretRows = async (t: string) =>
      (await runOn(iacAnalyzer, 'k8s/pod.yaml', pod(t))).filter((f) => f.secret !== undefined).length;
    expect(await secretRows(jwt({ iss: 'auth.acme.io', exp: 1614000000 }))).toBe(0);
    expect(await secretRows(jwt({ iss: 'auth.acme.io', exp: 4100000000 }))).toBe(1);
  });
});
