import { describe, expect, it } from 'vitest';
import { expandTemplate, seededRandom } from './test-tokens.js';
import { scanText } from './test-scan.js';

const rules = (text: string, path: string) => {
  return scanText(text, path).map((d) => d.ruleId);
};
const rnd = seededRandom(3232);

describe('a URL whose user part is a secret-like word', () => {
  it('is not a key-value assignment in a table of URL syntaxes (a package README in PKG-INFO)', () => {
    const twist = '| Twist | twist:// | twist://password:login<br/>twist://password:login/#team:channel |';
    const nexmo =
      '| Vonage | nexmo:// | nexmo://ApiKey:ApiSecret@FromPhoneNo/ToPhoneNo1/ToPhoneNo2/ToPhoneNoN/ |';
    expect(rules(twist, 'PKG-INFO')).not.toContain('secrets/hardcoded-password');
    expect(rules(nexmo, 'PKG-INFO')).not.toContain('secrets/generic-api-key');
  });

  it('still reports a real password in that place, as the URL credentials it is', () => {
    const url = `endpoint: https://apikey:${expandTemplate('<<a62:24>>', rnd)}@api.acme-shop.io/v1`;
    expect(rules(url, 'config/app.yml')).toContain('secrets/basic-auth-url');
  });

  it('still reports a name assigned a value on a line with a URL', () => {
    const token = expandTemplate('<<a62:24>>', rnd);
    const hook = `notify_url: "https://hooks.acme-shop.io/notify?channel=ops&api_token=${token}"`;
    expect(rules(hook, 'config/app.yml')).toContain('secrets/generic-api-key');
    expect(rules(`notify: https://hooks.acme-shop.io/x api_token: "${token}"`, 'config/app.yml')).toContain(
      'secrets/generic-api-key',
    );
    expect(
      rules(
        `mirror: ftp://files.acme-shop.io/pub password: "${expandTemplate('<<a62:12>>', rnd)}"`,
        'config/app.yml',
      ),
    ).toContain('secrets/hardcoded-password');
  });
});

describe('a URL whose host is the name of a credential or an identifier (a URL syntax template)', () => {
  // Built at run time: the common-password word of a syntax table's `user:password@` part.
  const word = ['pass', 'word'].join('');
  it('takes no password from it, in a table row or in markup', () => {
    const onesignal = '| OneSignal | onesignal:// | onesignal://TemplateID:AppID@APIKey/UserID<br/> |';
    const spush = `| SimplePush | spush:// | spush://apikey<br />spush://salt:${word}@apikey<br /> |`;
    expect(rules(onesignal, 'PKG-INFO')).toEqual([]);
    expect(rules(spush, 'PKG-INFO')).toEqual([]);
    expect(rules(`notify: "acme://bot:${word}@app_id/channel"`, 'config/app.yml')).toEqual([]);
  });

  it('still reports one at a host named otherwise, or a field name in the path only', () => {
    // A host that only starts with a field's name, a real host with a key in its path, one called keyserver.
    for (const host of ['apikeys.acme-shop.io', 'files.acme-shop.io/APIKey', 'keyserver']) {
      expect(rules(`mirror: ftp://deploy:${word}123@${host}/pub`, 'config/app.yml'), host).toEqual([
        'secrets/weak-password',
      ]);
    }
    const strong = expandTemplate('<<a62:20>>', rnd);
    expect(rules(`endpoint: https://svc:${strong}@tokens.acme-shop.io/v1`, 'config/app.yml')).toEqual([
      'secrets/basic-auth-url',
    ]);
  });
});

describe("a URL whose parts are environment variables' names", () => {
  it('is a template to fill in when its password and host are both such names (a README command)', () => {
    const vars = ['USER', 'PASSWORD', 'HOST', 'PORT', 'DATABASE'].map((w) => `POSTGRES_${w}`);
    const doc = `docker run app --connection postgres://${vars[0]}:${vars[1]}@${vars[2]}:${vars[3]}/${vars[4]}`;
    expect(rules(doc, 'README.md')).toEqual([]);
  });

  it('still reports that password beside a real host, and a real password beside that host', () => {
    const real = `DATABASE_URL=postgres://app:${'DB_' + 'PASSWORD'}@db.acme-shop.io:5432/orders`;
    expect(rules(real, 'config/app.env').length).toBe(1);
    const strong = `DATABASE_URL=postgres://app:${expandTemplate('<<a62:20>>', rnd)}@DB_HOST:5432/orders`;
    expect(rules(strong, 'config/app.env')).toEqual(['secrets/database-url']);
  });
});
