import { describe, expect, it } from 'vitest';
import { SecretEngine } from './engine.js';
import { SECRET_RULES } from './rules.js';
import { namesPasswordComponent } from './component-name.js';

const engine = new SecretEngine(SECRET_RULES);
const rules = (text: string, path = 'lib/web/js/web.3f2a.js'): string[] =>
  engine
    .scan(Buffer.from(text), { path, name: path.split('/').pop() ?? path, ext: 'js', productNames: [] })
    .map((d) => d.ruleId);
// Built at run time: the repository's own scan must not read a password in this file.
const chosen = ['Tr0', 'ub4', 'dor'].join('') + 'Widget';

describe('a component named under a password key', () => {
  it("drops a form library's widget map in a built bundle and in source", () => {
    const map =
      'var n={boolean:{checkbox:"CheckboxWidget"},string:{text:"TextWidget",password:"PasswordWidget",email:"EmailWidget"}};';
    expect(rules(map)).toEqual([]);
    expect(rules('const fields = { password: "PasswordInput" };', 'src/form.js')).toEqual([]);
  });

  it('keeps a value that is more than the word and a kind of component', () => {
    expect(namesPasswordComponent('MyPasswordInput')).toBe(false);
    expect(namesPasswordComponent(chosen)).toBe(false);
    expect(namesPasswordComponent('PasswordWidget2')).toBe(false);
    expect(rules(`const db = { password: "${chosen}" };`, 'src/db.js')).toEqual([
      'secrets/hardcoded-password',
    ]);
  });
});
