import { describe, expect, it } from 'vitest';
import { expandTemplate, seededRandom } from './test-tokens.js';
import { scanText } from './test-scan.js';

const rules = (text: string, path: string) => scanText(text, path).map((d) => d.ruleId);
const rnd = seededRandom(5151);
const secret = () => expandTemplate('<<a62:12>>', rnd);

describe('a URL with credentials given as an example in prose', () => {
  it('is not reported after "e.g." or "for example", in a template, its bundle or a catalogue', () => {
    const url = `https://ceph:${secret()}@10.0.0.1:8080`;
    const html = `<p i18n>You can also include a user:pass if needed e.g. ${url}</p>`;
    expect(rules(html, 'src/app/telemetry/telemetry.component.html')).toEqual([]);
    expect(rules(`Tn="You can also include a user:pass if needed e.g. ${url}",`, 'dist/main.js')).toEqual([]);
    expect(rules(`Set a proxy, for example: ${url}`, 'README.md')).toEqual([]);
    // An XLIFF catalogue's translation says "e.g." in its own language: the catalogue is text for people.
    const xlf = `<target>Sie können bei Bedarf auch einen user:pass hinzufügen, z. B. ${url}</target>`;
    expect(rules(xlf, 'src/locale/messages.de-DE.xlf')).toEqual([]);
  });

  it('still reports a URL with credentials that prose does not give as an example', () => {
    const url = `https://deploy:${secret()}@files.acme.io/pub`;
    expect(rules(`<p>The mirror is ${url}</p>`, 'src/app/mirror.component.html')).toContain(
      'secrets/basic-auth-url',
    );
    expect(rules(`mirror: ${url} # e.g. the nightly build`, 'config/app.yml')).toContain(
      'secrets/basic-auth-url',
    );
  });

  it('still reports a credential pasted after "e.g." when the URL names a public server', () => {
    const url = `https://deploy:${secret()}@files.acme.io/pub`;
    expect(rules(`<p>Use your own mirror, e.g. ${url}</p>`, 'src/app/mirror.component.html')).toContain(
      'secrets/basic-auth-url',
    );
    // A host an example uses (one label, a reserved suffix) is still the reader's to replace.
    for (const host of ['proxy:3128', 'proxy.corp.internal', 'db.example.com'])
      expect(rules(`e.g. https://u:${secret()}@${host}`, 'README.md'), host).toEqual([]);
  });
});

describe('an Angular template reference variable', () => {
  it('is not a password in an HTML template (`#password="ngModel"`)', () => {
    const input = '<input id="password" [(ngModel)]="model.password" #password="ngModel" type="password">';
    expect(rules(input, 'src/app/login/login.component.html')).toEqual([]);
    expect(rules('        <input ref-password="ngModel" name="password">', 'login.html')).toEqual([]);
  });

  it('still reports a commented-out assignment outside HTML', () => {
    expect(rules('#password="dragon99"', 'deploy/env.sh')).not.toEqual([]);
  });
});
