import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { secretsAnalyzer } from './index.js';
import { FIELD_LABEL } from './password-labels.js';

const scan = async (path: string, text: string) => {
  const found = await secretsAnalyzer.analyze(
    makeSourceFile(path, text),
    makeMemoryContext({}, {}, '/work/app'),
  );
  return found.map((f) => [f.ruleId, f.location.startLine]);
};

describe('a key of key-value text with its separator', () => {
  it('reads the field name and its separator as a label', () => {
    for (const v of ['a=ice-pwd:', '--password=', 'password=', 'db_pass:', 'X-Auth-Passphrase:']) {
      expect(FIELD_LABEL.test(v), v).toBe(true);
    }
    // A value after the separator, a password glued to the word, or no password word: not a label.
    for (const v of ['a=ice-pwd:x9', 'secretpwd=', 'admin-Zq81=', 'pwd', 'ice pwd:']) {
      expect(FIELD_LABEL.test(v), v).toBe(false);
    }
  });

  it("drops SDP's ICE password attribute joined to the session's value, keeps a password ending in a separator", async () => {
    const sdp = [
      "var oldPwd = 'a=ice-pwd:' + endpoint.ice.pwd;",
      "var newPwd = 'a=ice-pwd:' + icePwd;",
      "const pwdArg = '--password=' + options.password;",
    ].join('\n');
    expect(await scan('src/server.js', sdp)).toEqual([]);
    // Built at run time so that no password sits in this file.
    const strong = ['Rk7', 'vQ2', 'm9X', 'w4T'].join('');
    expect(await scan('src/server.js', `var adminPwd = 'admin-${strong}=';`)).toEqual([
      ['secrets/hardcoded-password', 1],
    ]);
  });
});
