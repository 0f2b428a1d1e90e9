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
