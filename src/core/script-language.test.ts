import { describe, expect, it } from 'vitest';
import { interpreterLanguage, mayBeScript, shebangOf } from './script-language.js';

describe('script language', () => {
  it('reads the interpreter through env, its options and variable assignments', () => {
    expect(interpreterLanguage('#!/usr/bin/env python3')).toBe('Python');
    expect(interpreterLanguage('#! /usr/bin/python3.11 -u\r')).toBe('Python');
    expect(interpreterLanguage('#!/usr/bin/env -S NODE_ENV=production node --harmony')).toBe('JavaScript');
    expect(interpreterLanguage('#!/usr/bin/env -S deno run --allow-net')).toBe('TypeScript');
    expect(interpreterLanguage('#!/usr/bin/perl -w')).toBe('Perl');
    expect(interpreterLanguage('#!/bin/bash')).toBeUndefined();
    expect(interpreterLanguage('#!/usr/bin/env')).toBeUndefined();
    expect(interpreterLanguage('#!/usr/bin/env nodemon')).toBeUndefined();
    expect(interpreterLanguage('# python3 notes')).toBeUndefined();
  });

  it('takes the #! line of a text head, never of a binary one', () => {
    expect(shebangOf('#!/usr/bin/python3\r\nimport sys\n')).toBe('#!/usr/bin/python3');
    expect(shebangOf('#!/usr/bin/env node')).toBe('#!/usr/bin/env node');
    expect(shebangOf('#!/bin/sh\n\0\0ELF')).toBeUndefined();
    expect(shebangOf('\x7fELF\x02\x01')).toBeUndefined();
    expect(shebangOf('MIT License\n')).toBeUndefined();
  });

  it('leaves the language to the #! line only without an extension or with a version number', () => {
    expect(mayBeScript('')).toBe(true);
    expect(mayBeScript('11')).toBe(true); // pip3.11
    expect(mayBeScript('sh')).toBe(false);
    expect(mayBeScript('rb')).toBe(false);
  });
});
