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
  // css-loader's module: the stylesheet (its generated class names as selectors), then the map of them.
  const bundle = (key: string, value: string, css = `.${value}{display:flex;gap:4px}`): string => {
    const [copy, foot, user] = [className(), className(), className()];
    return (
      `n.push([e.id,".${copy}{display:block}.${foot}{padding:10px}${css}.${user}{margin:0}",""]),` +
      `a.locals={copyData:"${copy}",footer:"${foot}",${key}:"${value}",userData:"${user}"};` +
      `const s=a},45716(e,t,n){"use strict";`
    );
  };

  it('a class styling a password field is not a password', () => {
    expect(scan(bundle('password', className()), 'public/bundles/dashboard.bundle.js')).toEqual([]);
  });
  it('nor is one styling a token field a key', () => {
    expect(scan(bundle('apiToken', className()), 'public/bundles/app.bundle.js')).toEqual([]);
  });
  it('a stylesheet longer than the line window the checks read', () => {
    const cls = className();
    const long = `${`.x${'y'.repeat(40)}{color:red}`.repeat(200)}.${cls}{display:flex}${'.z{margin:0}'.repeat(300)}`;
    expect(scan(bundle('password', cls, long), 'public/bundles/dashboard.bundle.js')).toEqual([]);
  });
  it("a minified server bundle's `e.locals={…}` (Express's app under a one-letter name) is its settings", () => {
    const secret = expandTemplate('<<a62:14>>#9', rnd);
    // The same map shape, but no stylesheet declares the value as a class: a password.
    const text = `e.set("view engine","ejs"),e.locals={title:"Shop",password:"${secret}"},e.listen(3e3);`;
    expect(scan(text, 'dist/server.js').map((d) => d.secret)).toEqual([secret]);
    // A stylesheet in the bundle that declares another class (or a longer one) does not make it a class map.
    const css = `n.push([e.id,".${secret}-row{display:flex}.title{margin:0}",""]),`;
    expect(scan(css + text, 'dist/server.js').map((d) => d.secret)).toEqual([secret]);
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
