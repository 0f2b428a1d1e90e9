import { describe, expect, it } from 'vitest';
import { endsInQuotedAttribute } from './url-attribute.js';

describe('endsInQuotedAttribute', () => {
  it('holds inside a double-quoted attribute value', () => {
    expect(endsInQuotedAttribute('<a href="/user">x</a> | <a href="/logout?r=')).toBe(true);
    expect(endsInQuotedAttribute('<a class="b" title = "')).toBe(true);
  });
  it('does not hold in text, single-quoted, closed or unquoted values', () => {
    expect(endsInQuotedAttribute('<p>')).toBe(false);
    expect(endsInQuotedAttribute("<a href='")).toBe(false);
    expect(endsInQuotedAttribute('<a href="x">')).toBe(false);
    expect(endsInQuotedAttribute('<a href=')).toBe(false);
    expect(endsInQuotedAttribute('<script>var u = "')).toBe(false);
    expect(endsInQuotedAttribute('<script>document.write("<a href=\\"')).toBe(false);
    expect(endsInQuotedAttribute('<script>go()</script><a href="')).toBe(true);
  });
  it('does not hold in event handlers, style, srcdoc or script URLs', () => {
    expect(endsInQuotedAttribute('<b onclick="go(')).toBe(false);
    expect(endsInQuotedAttribute('<b style="background:url(')).toBe(false);
    expect(endsInQuotedAttribute('<iframe srcdoc="')).toBe(false);
    expect(endsInQuotedAttribute('<a href=" javascript:show(')).toBe(false);
  });
});
