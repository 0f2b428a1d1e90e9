import { describe, expect, it } from 'vitest';
import type { Analyzer, FileRef } from '../core/analyzer.js';
import { roleClassifier } from '../core/file-role.js';
import { coverageGaps } from './coverage.js';

const ref = (path: string): FileRef => {
  const name = path.split('/').pop()!;
  return { path, name, ext: name.includes('.') ? name.split('.').pop()!.toLowerCase() : '', size: 1 };
};
const analyzer = (id: 'code' | 'iac', exts: string[]): Analyzer => ({
  id,
  description: id,
  rules: [],
  matches: (f) => exts.includes(f.ext),
  analyze: () => [],
});

function gaps(
  paths: string[],
  active = [analyzer('code', ['js', 'py']), analyzer('iac', ['yaml', 'tf', 'json'])],
) {
  return coverageGaps({
    files: paths.map(ref),
    paths: new Set(paths),
    active,
    roleOf: roleClassifier(),
    dropped: {},
    notAnalyzed: [],
  });
}

describe('coverageGaps', () => {
  it('counts files in languages without code rules, by language, with examples', () => {
    const g = gaps(['main.go', 'pkg/a.go', 'App.java', 'app.js', 'README.md']);
    expect(g).toEqual([
      {
        analyzer: 'code',
        kind: 'language:Go',
        reason: 'Go has no code rules',
        files: 2,
        examples: ['main.go', 'pkg/a.go'],
      },
      {
        analyzer: 'code',
        kind: 'language:Java',
        reason: 'Java has no code rules',
        files: 1,
        examples: ['App.java'],
      },
    ]);
  });
  it('names Helm chart templates and Terraform JSON', () => {
    const kinds = gaps([
      'chart/Chart.yaml',
      'chart/templates/deploy.yaml',
      'infra/main.tf.json',
      'k8s/templates/x.yaml',
    ]).map((g) => `${g.kind} ${g.files} ${g.examples.join(',')}`);
    // k8s/templates has no Chart.yaml: plain YAML, analyzed as such.
    expect(kinds.sort()).toEqual([
      'helm-template 1 chart/templates/deploy.yaml',
      'terraform-json 1 infra/main.tf.json',
    ]);
  });
  it('says nothing for a tree the analyzers cover, and nothing about analyzers that did not run', () => {
    expect(gaps(['app.js', 'main.tf', 'k8s.yaml'])).toEqual([]);
    expect(gaps(['main.go', 'x.tf.json'], [])).toEqual([]);
  });
  it('counts files an analyzer skipped once per reason', () => {
    const g = coverageGaps({
      files: [],
      paths: new Set(),
      active: [],
      roleOf: roleClassifier(),
      dropped: {},
      notAnalyzed: ['a.js', 'b.js'].map((path) => ({
        code: 'file-not-analyzed',
        analyzer: 'code',
        path,
        message: 'skipped: larger than 2 MB',
      })),
    });
    expect(g).toEqual([
      {
        analyzer: 'code',
        kind: 'skipped',
        reason: 'skipped: larger than 2 MB',
        files: 2,
        examples: ['a.js', 'b.js'],
      },
    ]);
  });
  it('counts scripts without an extension in languages without rules, by the #! line the walk read', () => {
    const heads: Record<string, string> = {
      'usr/bin/rbd-target-api': '#!/usr/bin/python3',
      'bin/serve': '#!/usr/bin/env node',
      'bin/tool': '#!/usr/bin/env -S ruby -w',
      'bin/cpanm': '#!/usr/bin/perl',
      'bin/build': '#!/bin/sh',
      'bin/done.js': '#!/usr/bin/env node',
    };
    const paths = [...Object.keys(heads), 'LICENSE'];
    // The code analyzer's own choice: a Python or Node script by its #! line, other files by extension.
    const code: Analyzer = {
      ...analyzer('code', ['js', 'py']),
      matches: (f) => ['js', 'py'].includes(f.ext) || /python|node/.test(f.shebang ?? ''),
    };
    const g = coverageGaps({
      files: paths.map((p) => ({ ...ref(p), ...(heads[p] ? { shebang: heads[p] } : {}) })),
      paths: new Set(paths),
      active: [code],
      roleOf: roleClassifier(),
      dropped: {},
      notAnalyzed: [],
    });
    // Python and Node scripts are analyzed, so no gap; a shell script has no code analyzer to miss it.
    expect(g.map((x) => `${x.kind} ${x.examples.join(',')}`).sort()).toEqual([
      'language:Perl bin/cpanm',
      'language:Ruby bin/tool',
    ]);
    expect(g.find((x) => x.kind === 'language:Ruby')?.reason).toBe('Ruby has no code rules');
  });
});
