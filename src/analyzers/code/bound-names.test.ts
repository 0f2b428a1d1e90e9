import { describe, expect, it } from 'vitest';
import { namesBoundTo } from './bound-names.js';

describe('names bound to a module', () => {
  it('reads require, default and namespace imports, node: specifiers and minified declarations', () => {
    // The module's name is put together here so that this file does not itself name it in a require.
    const mod = ['child', 'process'].join('_');
    const text = [
      `const child = require('${mod}');`,
      `import * as proc from "node:${mod}";`,
      `import cp from '${mod}';`,
      `var a=1,sub=require("${mod}");`,
      `const other = require('${mod}_extra');`,
      "const fs = require('fs');",
    ].join('\n');
    expect([...namesBoundTo(text, [mod])].sort()).toEqual(['child', 'cp', 'proc', 'sub']);
    expect(namesBoundTo(text, ['net']).size).toBe(0);
  });
});
