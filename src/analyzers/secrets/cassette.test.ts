import { describe, expect, it } from 'vitest';
import { isLoopbackUrl, recordedRequestUrl } from './cassette.js';
import { expandTemplate, seededRandom } from './test-tokens.js';
import { scanText } from './test-scan.js';

const rnd = seededRandom(4243);
const token = () => expandTemplate('<<a62:20>>', rnd);

/** A vcrpy cassette: a request to `uri` and a JSON reply holding a project's runner registration token. */
const vcr = (uri: string, t: string) =>
  [
    'interactions:',
    '- request:',
    '    body: null',
    '    headers:',
    '      Accept:',
    "      - '*/*'",
    '    method: GET',
    `    uri: ${uri}`,
    '  response:',
    '    body:',
    `      string: '{"id":3,"name":"exists","runners_token":"${t}","public_jobs":true}'`,
    '    status:',
    '      code: 200',
  ].join('\n');

const ids = (text: string, path = 'tests/unit/fixtures/Project_exists.yaml') =>
  scanText(text, path).map((d) => d.ruleId);

describe('a value recorded in an HTTP cassette', () => {
  it('is not reported when its request went to a loopback address', () => {
    expect(ids(vcr('http://localhost/api/v4/projects/test%2Fexists', token()))).toEqual([]);
    expect(ids(vcr('http://127.0.0.1:3000/api/v4/projects/1', token()))).toEqual([]);
    expect(ids(vcr('http://[::1]:8080/api/v4/projects/1', token()))).toEqual([]);
  });

  it("stays reported when it is a public service's key, whatever host the request went to", () => {
    // A live payment key sent to a local stub or proxy still opens the payment service.
    const key = expandTemplate('sk_live_<<a62:24>>', rnd);
    const sent = vcr('http://localhost:4000/v1/charges', token()).replace(
      '    method: GET',
      `      Authorization:\n      - Bearer ${key}\n    method: GET`,
    );
    expect(ids(sent)).toContain('secrets/stripe-secret-key');
    // A GitLab token recorded from a local GitLab is that server's own, as a generic value is.
    const pat = `glpat-${expandTemplate('<<url:20>>', rnd)}`;
    const gitlab = (uri: string) =>
      vcr(uri, token()).replace(/"runners_token":"[^"]+"/, `"personal_token":"${pat}"`);
    expect(ids(gitlab('http://localhost/api/v4/user'))).toEqual([]);
    expect(ids(gitlab('https://gitlab.acme.io/api/v4/user'))).toContain('secrets/gitlab-pat');
  });

  it('stays reported when its request went to any other host, in any file name', () => {
    expect(ids(vcr('https://gitlab.acme.io/api/v4/projects/1', token()))).toContain(
      'secrets/generic-api-key',
    );
    expect(ids(vcr('http://localhost.acme.io/api', token()))).toContain('secrets/generic-api-key');
    // The same YAML lines outside a cassette's structure: nothing says where they were recorded.
    const loose = vcr('http://localhost/api', token()).replace('interactions:', 'replies:');
    expect(ids(loose)).toContain('secrets/generic-api-key');
  });

  it("takes the request's own uri, not a deeper `uri:` line of its body", () => {
    // vcrpy writes a request's body before its uri; a block scalar body may hold a `uri:` line of its own.
    const body = ['    body: |', '      callback:', '        uri: http://localhost:8080/hook'].join('\n');
    const text = vcr('https://gitlab.acme.io/api/v4/hooks', token()).replace('    body: null', body);
    expect(recordedRequestUrl(text, text.indexOf('runners_token'))).toBe(
      'https://gitlab.acme.io/api/v4/hooks',
    );
    expect(ids(text)).toContain('secrets/generic-api-key');
    const listed = vcr('http://localhost/api', token()).replace(/^(?=[ -])/gm, '  ');
    expect(recordedRequestUrl(listed, listed.indexOf('runners_token'))).toBe('http://localhost/api');
  });

  it('ends a YAML interaction where its list ends', () => {
    // A key after the list is no part of the last interaction, whatever its request's host.
    const t = token();
    const text = `${vcr('http://localhost:8080/health', token())}\nupstream:\n  url: https://api.acme.io\n  api_key: ${t}`;
    expect(recordedRequestUrl(text, text.indexOf(t))).toBeUndefined();
    expect(scanText(text, 'config/app.yaml').map((d) => d.line)).toEqual([16]);
    // A list indented under its key ends the same way; its items' own lines stay in them.
    const listed = vcr('http://localhost/api', token()).replace(/^(?=[ -])/gm, '  ');
    expect(recordedRequestUrl(`${listed}\nversion: 1`, listed.indexOf('runners_token'))).toBe(
      'http://localhost/api',
    );
  });

  it('is judged by its own interaction, not the one before or after', () => {
    const two = `${vcr('https://gitlab.acme.io/api/v4/projects/1', token())}\n${vcr('http://localhost/api', token()).replace('interactions:\n', '')}`;
    const found = scanText(two, 'tests/cassettes/two.yaml');
    expect(found.map((d) => d.line)).toEqual([11]);
  });

  it('reads Betamax, HAR (Polly) and nock recordings', () => {
    const t = token();
    const betamax = `{"http_interactions": [{"request": {"method": "GET", "uri": "http://localhost:3000/x"}, "response": {"body": {"string": "{\\"api_key\\": \\"${t}\\"}"}}}]}`;
    expect(recordedRequestUrl(betamax, betamax.indexOf(t))).toBe('http://localhost:3000/x');
    const har = `{"log": {"version": "1.2", "entries": [{"request": {"method": "GET", "url": "http://127.0.0.1:9000/"}, "response": {"content": {"text": "${t}"}}}]}}`;
    expect(recordedRequestUrl(har, har.indexOf(t))).toBe('http://127.0.0.1:9000/');
    const nock = `[{"scope": "http://localhost:4000", "method": "POST", "path": "/token", "response": {"access_token": "${t}"}}]`;
    expect(recordedRequestUrl(nock, nock.indexOf(t))).toBe('http://localhost:4000');
    expect(recordedRequestUrl(`{"data": {"api_key": "${t}"}}`, 12)).toBeUndefined();
  });

  it('names loopback hosts only', () => {
    expect(
      ['http://localhost/', 'http://gitlab.localhost:8080/', 'http://127.0.0.53/', 'http://[::1]/'].map(
        isLoopbackUrl,
      ),
    ).toEqual([true, true, true, true]);
    expect(
      ['http://10.0.0.1/', 'http://localhost.acme.io/', 'https://gitlab.com/', 'not a url'].map(
        isLoopbackUrl,
      ),
    ).toEqual([false, false, false, false]);
  });
});
