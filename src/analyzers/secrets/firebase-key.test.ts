import { describe, expect, it } from 'vitest';
import { expandTemplate, seededRandom } from './test-tokens.js';
import { scanText } from './test-scan.js';

/** A Firebase project's web API key is lowered to medium with the reason; a key for other Google APIs is not. */
const scan = (text: string, path: string) => {
  return scanText(text, path).filter((d) => d.ruleId === 'secrets/gcp-api-key');
};
const rnd = seededRandom(1415);
const key = (): string => expandTemplate('AIza<<url:35>>', rnd);
const filler = Array.from({ length: 30 }, (_, i) => `    # step ${i} of the sign-in flow`).join('\n');

describe('Firebase web API keys', () => {
  const module = (use: string) =>
    `class SiteBaseIE:\n    _API_KEY = '${key()}'\n\n    def _login(self, username, password):\n${filler}\n        ${use}\n`;
  it('lowers a key whose every use is a call to Firebase Authentication, however far away', () => {
    const found = scan(
      module(
        "self._download_json(f'https://identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key={self._API_KEY}', None)",
      ),
      'pkg/extractor/site.py',
    );
    expect(found.map((d) => d.severity)).toEqual(['medium']);
    expect(found[0]?.note).toMatch(/Firebase/);
    const inline = `url = 'https://securetoken.googleapis.com/v1/token?key=${key()}'`;
    expect(scan(inline, 'pkg/auth.py').map((d) => d.severity)).toEqual(['medium']);
    const config = `const firebaseConfig = {\n  apiKey: "${key()}",\n  authDomain: "acme-app.firebaseapp.com",\n  projectId: "acme-app",\n};`;
    expect(scan(config, 'src/firebase.js').map((d) => d.severity)).toEqual(['medium']);
  });
  it('keeps a key also sent to another Google API, or never sent to Firebase, at its level', () => {
    const both = module(
      "self._download_json(f'https://identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key={self._API_KEY}', None)\n" +
        "        self._download_json(f'https://www.googleapis.com/youtube/v3/videos?key={self._API_KEY}', None)",
    );
    expect(scan(both, 'pkg/extractor/site.py').map((d) => d.severity)).toEqual([undefined]);
    const other = module(
      "self._download_json(f'https://translation.googleapis.com/language/translate/v2?key={self._API_KEY}', None)",
    );
    expect(scan(other, 'pkg/translate.py').map((d) => d.severity)).toEqual([undefined]);
    const unused = `API_KEY = '${key()}'\n`;
    expect(scan(unused, 'pkg/settings.py').map((d) => d.severity)).toEqual([undefined]);
    const config = `const mapsConfig = {\n  apiKey: "${key()}",\n  authDomain: "maps.acme.io",\n};`;
    // A Maps key beside a Firebase configuration's own `apiKey` is another API's key (review40).
    const beside = `export const environment = {\n  firebase: {\n    apiKey: "${key()}",\n    authDomain: "acme-app.firebaseapp.com",\n  },\n  mapsKey: "${key()}",\n};`;
    const found = scan(beside, 'src/environments/environment.ts');
    expect(found.map((d) => [d.line, d.severity])).toEqual([
      [3, 'medium'],
      // The rule's own level (high): no verdict severity.
      [6, undefined],
    ]);
    expect(scan(config, 'src/maps.js').map((d) => d.severity)).toEqual([undefined]);
  });
});
