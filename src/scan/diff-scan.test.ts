import { describe, expect, it } from 'vitest';
import { AnalyzerRegistry } from '../analyzers/registry.js';
import { TestRepo } from '../../test/helpers/git-repo.js';
import { markerAnalyzer } from '../../test/helpers/fake-analyzer.js';
import { runDiffScan, runStagedScan } from './diff-scan.js';

const registry = () => new AnalyzerRegistry().register(markerAnalyzer());

describe('diff-aware scan', () => {
  it('fails only on findings the change introduced; a moved line is not new', async () => {
    const repo = new TestRepo();
    repo.commit('init', { 'a.txt': 'DANGER old\n', 'untouched.txt': 'DANGER elsewhere\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('move and add', { 'a.txt': 'header\n\n  DANGER old\n', 'b.txt': 'fine\nDANGER new\n' });
    const r = await runDiffScan({ path: repo.dir, registry: registry() }, 'main');
    const byPath = Object.fromEntries(r.findings.map((f) => [f.location.path, f]));
    expect(Object.keys(byPath).sort()).toEqual(['a.txt', 'b.txt']);
    expect(byPath['a.txt']).toMatchObject({ baselineState: 'unchanged', suppression: { kind: 'baseline' } });
    expect(byPath['b.txt']).toMatchObject({ baselineState: 'new', location: { startLine: 2 } });
    expect(byPath['b.txt']!.suppression).toBeUndefined();
    expect(r.summary.gate).toMatchObject({ failed: true, blocking: 1 });
  });

  it('passes when the change introduces nothing', async () => {
    const repo = new TestRepo();
    repo.commit('init', { 'a.txt': 'DANGER old\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('edit', { 'a.txt': 'DANGER old\nmore text\n' });
    const r = await runDiffScan({ path: repo.dir, registry: registry() }, 'main');
    expect(r.summary.gate.failed).toBe(false);
  });
});

describe('staged scan', () => {
  it('limits itself to the named sub-directory', async () => {
    const repo = new TestRepo();
    repo.commit('init', { 'keep.txt': 'k\n' });
    repo.write({ 'sub/a.txt': 'DANGER in sub\n', 'other/b.txt': 'DANGER elsewhere\n' });
    repo.git('add', '-A');
    const r = await runStagedScan({ path: `${repo.dir}/sub`, registry: registry(), only: ['code'] });
    expect(r.findings.map((f) => f.location.path)).toEqual(['sub/a.txt']);
  });

  it('sees the staged content only', async () => {
    const repo = new TestRepo();
    repo.commit('init', { 'a.txt': 'clean\n' });
    repo.write({ 'a.txt': 'DANGER staged\n', 'b.txt': 'DANGER unstaged file\n' });
    repo.git('add', 'a.txt');
    repo.write({ 'a.txt': 'cleaned in the work tree only\n' });
    const r = await runStagedScan({ path: repo.dir, registry: registry(), only: ['code'] });
    expect(r.findings.map((f) => [f.location.path, f.location.snippet])).toEqual([
      ['a.txt', 'DANGER staged'],
    ]);
    expect(r.root).toBe(repo.git('rev-parse', '--show-toplevel').trim());
  });

  it('loads a default analyzer only when a staged file is one it reads, and reports the others as run on nothing', async () => {
    const repo = new TestRepo();
    repo.commit('init', { 'keep.txt': 'k\n' });
    repo.write({ 'src/app.ts': 'export const x = 1;\n' });
    repo.git('add', '-A');
    const code = await runStagedScan({ path: repo.dir });
    expect(code.analyzers.map((a) => [a.id, a.filesAnalyzed])).toEqual([
      ['secrets', 1],
      ['iac', 0],
      ['pipeline', 0],
    ]);
    const skipped = await runStagedScan({ path: repo.dir, skip: ['pipeline'] });
    expect(skipped.analyzers.map((a) => a.id)).toEqual(['secrets', 'iac']);

    // A staged Dockerfile is read by iac, which then runs and reports.
    repo.write({ Dockerfile: 'FROM node:latest\nUSER root\n' });
    repo.git('add', 'Dockerfile');
    const docker = await runStagedScan({ path: repo.dir });
    expect(docker.analyzers.map((a) => [a.id, a.filesAnalyzed])).toEqual([
      ['secrets', 2],
      ['iac', 1],
      ['pipeline', 0],
    ]);
    expect(docker.findings.some((f) => f.analyzer === 'iac' && f.location.path === 'Dockerfile')).toBe(true);
  });
});
