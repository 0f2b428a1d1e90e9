import { describe, expect, it } from 'vitest';
import { valueIsItsKey } from './own-key.js';

describe('a value that is its own key', () => {
  it("is the field's name in an attribute map, a field list or an enum", () => {
    expect(valueIsItsKey("...     userPassword='userPassword',", 'userPassword')).toBe(true);
    expect(valueIsItsKey('  "dbPass": "dbPass",', 'dbPass')).toBe(true);
    expect(valueIsItsKey("  PASSWORD_FIELD => 'PASSWORD_FIELD',", 'PASSWORD_FIELD')).toBe(true);
    expect(valueIsItsKey('adminPwd: `adminPwd`', 'adminPwd')).toBe(true);
  });

  it('is not a value that differs from its key, nor one equal to another key on the line', () => {
    expect(valueIsItsKey("userPassword='userPassword1'", 'userPassword1')).toBe(false);
    expect(valueIsItsKey("userPassword='UserPassword'", 'UserPassword')).toBe(false);
    expect(valueIsItsKey("dbPassword='userPassword', userPassword=x", 'userPassword')).toBe(false);
    expect(valueIsItsKey("config.userPassword='userPassword'", 'userPassword')).toBe(false);
    expect(valueIsItsKey("'userPassword'='userPassword\"", 'userPassword')).toBe(false);
    expect(valueIsItsKey("x.y='x.y'", 'x.y')).toBe(true);
    expect(valueIsItsKey("xay='x.y'", 'x.y')).toBe(false);
  });
});
