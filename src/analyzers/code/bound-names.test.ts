import { describe, expect, it } from 'vitest';
import { namesBoundTo } from './bound-names.js';

describe('names bound to a module', () => {
  it('reads require, default and namespace imports, node: specifiers and minified declarations', () => {
    const text = [
      "const child = require('child_process');",
      'import * as proc from "node:child_process";',
      "import cp from 'child_process';",
      'var a=1,sub=require("child_process");',
      "const other = require('child_process_extra');",
      "const fs = require('fs');",
    ].join('\n');
    expect([...namesBoundTo(text, ['child_process'])].sort()).toEqual(['child', 'cp', 'proc', 'sub']);
    expect(namesBoundTo(text, ['net']).size).toBe(0);
  });
});
