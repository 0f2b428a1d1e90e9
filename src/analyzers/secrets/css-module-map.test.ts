import { describe, expect, it } from 'vitest';
import { SecretEngine } from './engine.js';
import { SECRET_RULES } from './rules.js';
import { expandTemplate, seededRandom } from './test-tokens.js';

const engine = new SecretEngine(SECRET_RULES);
const scan = (text: string, path: string) => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const ext = name.slice(name.lastIndexOf('.') + 1);
  return engine.scan(Buffer.from(text), { path, name, ext, productNames: ['shop'] });
};
const rnd = seededRandom(4242);
// A generated class name has the shape of a random token: css-loader's default is 20 base64url characters.
const className = (): string => expandTemplate('<<a62:19>>_', rnd);

describe("css-loader's class-name map in a bundle", () => {
  const bundle = (key: string, value: string): string =>
    `n.push([e.id,".a1{display:block}",""]),a.locals={copyData:"${className()}",footer:"${className()}",` +
    `${key}:"${value}",userData:"${className()}"};const s=a},45716(e,t,n){"use strict";`;

  it('a class styling a password field is not a password', () => {
    expect(scan(bundle('password', className()), 'public/bundles/dashboard.bundle.js')).toEqual([]);
  });
  it('nor is one styling a token field a key', () => {
    expect(scan(bundle('apiToken', className()), 'public/bundles/app.bundle.js')).toEqual([]);
  });
  it('unminified css-loader output too', () => {
    const text = `___CSS_LOADER_EXPORT___.locals = {\n  "password": "${className()}",`;
    expect(scan(text.replace('\n', ''), 'dist/main.js')).toEqual([]);
  });
  it("css-loader 3's `exports.locals` too", () => {
    const text = `exports.locals = {  "password": "${className()}",  "footer": "${className()}"};`;
    expect(scan(text, 'dist/main.js')).toEqual([]);
  });
  it("an application's own `locals` (Express's app.locals, res.locals) is its settings: a password there is one", () => {
    const secret = expandTemplate('<<a62:14>>#9', rnd);
    for (const owner of ['app', 'res', 'this', 'ctx.state']) {
      const text = `const app = express();\n${owner}.locals = { title: "Shop", smtpPassword: "${secret}" };\n`;
      expect(
        scan(text, 'src/server.js').map((d) => d.secret),
        owner,
      ).toEqual([secret]);
    }
  });
  it('a password in the bundle outside such a map is still found', () => {
    const secret = expandTemplate('<<a62:14>>#9', rnd);
    const text = `a.locals={footer:"${className()}"};var cfg={password:"${secret}"};`;
    expect(scan(text, 'public/bundles/dashboard.bundle.js').map((d) => d.secret)).toEqual([secret]);
  });
});
