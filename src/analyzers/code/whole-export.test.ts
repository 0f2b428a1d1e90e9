import { describe, expect, it } from 'vitest';
import { exportedFunctionName } from './whole-export.js';

describe('exportedFunctionName', () => {
  it('reads the forms a module exports one function by', () => {
    expect(exportedFunctionName('function f() {}\nmodule.exports = f;\n')).toBe('f');
    expect(exportedFunctionName('module.exports = f  ;  \r\n')).toBe('f');
    expect(exportedFunctionName('export default async function* gen() {}')).toBe('gen');
    expect(exportedFunctionName('exports.default = handler;\nmodule.exports = exports.default;\n')).toBe(
      'handler',
    );
    expect(exportedFunctionName('module.exports = f // the handler\n')).toBeUndefined();
  });

  it('reads an export whose name holds a dollar sign', () => {
    const text = 'exports.$handler = handle;\nmodule.exports = exports.$handler;\n';
    expect(exportedFunctionName(text)).toBe('handle');
  });

  it('stays linear on long runs of blanks (a file of the scanned tree is hostile input)', () => {
    const blanks = ' \t'.repeat(50_000);
    const t0 = Date.now();
    expect(exportedFunctionName(`module.exports = a${blanks}x`)).toBeUndefined();
    expect(exportedFunctionName(`module.exports = exports.a${blanks}x`)).toBeUndefined();
    exportedFunctionName(`export default async function ${blanks}(`);
    expect(exportedFunctionName(`exports.a = b;\nmodule.exports = exports.a;\nexports.a = b${blanks}x`)).toBe(
      'b',
    );
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});
