import { describe, expect, it } from 'vitest';
import { pyNormaliserPasses } from './path-normalisers.js';

describe('pyNormaliserPasses', () => {
  it('passes request data on through realpath, abspath and normpath for a file path', () => {
    for (const callee of [
      'os.path.realpath',
      'os.path.abspath',
      'posixpath.normpath',
      'realpath',
      'path.abspath',
    ])
      expect(pyNormaliserPasses(callee, 'path')).toBe(true);
  });

  it('ends it for a program argument, a redirect or a request URL only where the result is absolute', () => {
    for (const cls of ['argv', 'redirect', 'ssrf']) {
      expect(pyNormaliserPasses('os.path.abspath', cls)).toBe(false);
      expect(pyNormaliserPasses('os.path.realpath', cls)).toBe(false);
      expect(pyNormaliserPasses('os.path.normpath', cls)).toBe(true);
    }
    expect(pyNormaliserPasses('os.path.abspath', 'shell')).toBe(true);
  });

  it("does not take another object's method of the same name", () => {
    expect(pyNormaliserPasses('storage.abspath', 'path')).toBe(false);
    expect(pyNormaliserPasses('self.normpath', 'path')).toBe(false);
    expect(pyNormaliserPasses('os.path.basename', 'path')).toBe(false);
  });
});
