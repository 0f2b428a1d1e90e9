import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { maskCredentials, maskStringLiterals } from './credentials.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** A random value with letters and digits, generated at run time (never committed). */
function token(n: number): string {
  const bytes = randomBytes(n);
  let out = '';
  for (const b of bytes) out += ALNUM[b % ALNUM.length];
  return `${out.slice(0, n - 2)}7q`;
}

describe('maskCredentials', () => {
  const secret = token(32);
  const gh = `ghp_${token(36)}`;
  it.each([
    ['curl -u user:pass', `RUN curl -u admin:${secret} https://x.io/i.sh | sh`, secret],
    ['curl --user=', `curl --user=admin:${secret} https://x.io`, secret],
    ['URL password', `resolved "http://deploy:${secret}@npm.acme.io/x.tgz"`, secret],
    ['URL user that is a token', `git clone https://${gh}@github.com/a/b.git`, gh],
    ['URL user that is a long random value', `https://${secret}@git.acme.io/a.git`, secret],
    ['Authorization Bearer', `curl -H "Authorization: Bearer ${secret}" https://api`, secret],
    ['Authorization in a map', `{"authorization": "Basic ${secret}"}`, secret],
    ['API-key header', `curl -H "PRIVATE-TOKEN: ${secret}" https://gitlab`, secret],
    ['basic-auth tuple', `requests.get(url, auth=("admin", "${secret}"), verify=False)`, secret],
    ['HTTPBasicAuth', `HTTPBasicAuth('admin', '${secret}')`, secret],
    ['password option', `mysql --password=${secret} -h db`, secret],
    ['token query parameter', `https://registry.acme.io/?token=${secret}&x=1`, secret],
    ['secret assignment', `DB_PASSWORD = "${secret}"`, secret],
    ['npmrc', `//npm.acme.io/:_authToken=${secret}`, secret],
    ['token in prose', `using token ${secret} for the upload`, secret],
    ['token shape anywhere', `echo ${gh} | docker login`, gh],
  ])('masks %s', (_name, text, value) => {
    const out = maskCredentials(text);
    expect(out).not.toContain(value);
    expect(out).toContain('*****');
  });

  it.each([
    ['a reference', 'token: ${{ secrets.GITHUB_TOKEN }}'],
    ['code', 'headers = {"Authorization": req.headers.authorization}'],
    ['an environment lookup', 'password = os.environ["DB_PASSWORD"]'],
    ['string building', `q = "… AND password='" + password + "'"`],
    ['a format string', 'logger.info("password=%s", password)'],
    ['a URL with a plain user', 'git clone https://git@github.com/a/b.git'],
    ['prose', 'the token is rotated every day'],
  ])('leaves %s alone', (_name, text) => {
    expect(maskCredentials(text)).toBe(text);
  });

  it('masks a private key body', () => {
    const body = randomBytes(64).toString('base64');
    const out = maskCredentials(`-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`);
    expect(out).not.toContain(body);
  });

  it('is idempotent', () => {
    const text = `curl -u admin:${secret} https://${gh}@x.io`;
    const once = maskCredentials(text);
    expect(maskCredentials(once)).toBe(once);
  });
});

describe('maskStringLiterals', () => {
  it('masks one-word literals but keeps algorithm names and sentences', () => {
    const key = token(24);
    const out = maskStringLiterals(`crypto.createHmac('sha256', '${key}') // "a log line here"`);
    expect(out).not.toContain(key);
    expect(out).toContain("'sha256'");
    expect(out).toContain('"a log line here"');
  });
  it('masks Python byte and raw literals', () => {
    const key = token(24);
    expect(maskStringLiterals(`hmac.new(b"${key}", body)`)).not.toContain(key);
  });
});
