import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../analyzers/index.js';
import { AnalyzerRegistry } from '../analyzers/registry.js';
import { VanguardError } from '../core/errors.js';
import { markerAnalyzer } from '../../test/helpers/fake-analyzer.js';
import { runScan } from './run-scan.js';

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'vg-scan-'));
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), content);
  }
  return root;
}

const registry = (over = {}) => new AnalyzerRegistry().register(markerAnalyzer(over));

describe('runScan', () => {
  it("gives the scan's profile to the analyzers, as the command line does", async () => {
    // An in-page HTML write of a function's parameter: a lead of the audit profile only (js-xss-audit).
    const root = tree({ 'show.js': 'export function show(el, html) {\n  el.innerHTML = html;\n}\n' });
    const ids = (r: { findings: { ruleId: string }[] }) => r.findings.map((f) => f.ruleId);
    const plain = await runScan({ path: root, only: ['code'], workers: 1 });
    expect(plain.profile).toBe('default');
    expect(ids(plain)).toEqual([]);
    const audit = await runScan({ path: root, only: ['code'], workers: 1, profile: 'audit' });
    expect(audit.profile).toBe('audit');
    expect(ids(audit)).toContain('code/js-xss-audit');
  });

  it('clamps --workers to the cores of the machine, with a note', async () => {
    const root = tree({ 'ok.txt': 'x' });
    const r = await runScan({ path: root, registry: registry(), workers: 1000 });
    expect(r.warnings.find((w) => w.code === 'workers-clamped')?.message).toMatch(
      /--workers 1000 is more than the \d+ cores of this machine; using \d+/,
    );
    const fine = await runScan({ path: root, registry: registry(), workers: 1 });
    expect(fine.warnings.map((w) => w.message).join('\n')).not.toMatch(/--workers/);
  });

  it('analyzes a Python or Node script without an extension by its #! line, and counts a Ruby one', async () => {
    const root = tree({
      'usr/bin/api-server': [
        '#!/usr/bin/python3',
        'import subprocess',
        'from flask import Flask, request',
        'app = Flask(__name__)',
        "@app.route('/disk')",
        'def disk():',
        "    return subprocess.check_output('rbd info ' + request.args['name'], shell=True)",
        '',
      ].join('\n'),
      'bin/tool': '#!/usr/bin/env ruby\nputs ARGV.first\n',
      'bin/start': '#!/bin/sh\nexec node server.js\n',
      'bin/elf': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]),
    });
    const r = await runScan({ path: root, registry: createRegistry(), only: ['code'], introduced: false });
    expect(r.findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}`)).toContain(
      'code/py-command-injection usr/bin/api-server:7',
    );
    expect(r.coverage?.map((g) => `${g.kind} ${g.examples.join(',')}`)).toEqual(['language:Ruby bin/tool']);
  });

  it('records a per-file analyzer failure, goes on, and marks the scan partial', async () => {
    const root = tree({ 'boom.txt': 'x', 'ok.txt': 'DANGER here' });
    const r = await runScan({ path: root, registry: registry() });
    expect(r.status).toBe('partial');
    expect(r.analyzers[0]!.status).toBe('partial');
    expect(r.analyzers[0]!.errors).toEqual([
      { path: 'boom.txt', code: 'ERROR', message: 'cannot parse boom.txt' },
    ]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.location).toMatchObject({ path: 'ok.txt', startLine: 1 });
    expect(r.summary.gate.failed).toBe(true);
  });

  it('skips binary files and reads invalid UTF-8 as Latin-1 without losing the finding', async () => {
    const root = tree({
      'bin.txt': Buffer.from([0x44, 0, 0x41, 0x4e]),
      'latin.txt': Buffer.concat([Buffer.from([0xff, 0xfe, 0x0a]), Buffer.from('DANGER\n')]),
    });
    const r = await runScan({ path: root, registry: registry() });
    expect(r.discovery.skipped.binary).toBe(1);
    expect(r.discovery.nonUtf8).toBe(1);
    expect(r.findings.map((f) => f.location.startLine)).toEqual([2]);
  });

  it('applies inline suppressions with a reason and reports directives without one', async () => {
    const root = tree({
      'a.js':
        '// vanguard-ignore: code/test-marker test fixture only\nDANGER\nDANGER // vanguard-ignore: code/test-marker\n',
    });
    const r = await runScan({ path: root, registry: registry() });
    const marker = r.findings.filter((f) => f.ruleId === 'code/test-marker');
    expect(marker.map((f) => [f.location.startLine, f.suppression?.kind])).toEqual([
      [2, 'inline'],
      [3, undefined],
    ]);
    expect(
      r.findings.some((f) => f.ruleId === 'policy/suppression-without-reason' && f.location.startLine === 3),
    ).toBe(true);
    expect(r.suppressions).toEqual([
      { path: 'a.js', line: 1, ruleId: 'code/test-marker', reason: 'test fixture only', used: true },
    ]);
    expect(r.summary.suppressed).toBe(1);
  });

  it('keeps a fingerprint when the line moves', async () => {
    const a = await runScan({ path: tree({ 'a.js': 'DANGER x\n' }), registry: registry() });
    const b = await runScan({ path: tree({ 'a.js': '\n\n  DANGER   x\n' }), registry: registry() });
    expect(a.findings[0]!.fingerprint).toBe(b.findings[0]!.fingerprint);
    expect(a.findings[0]!.location.startLine).not.toBe(b.findings[0]!.location.startLine);
  });

  it('stops on a prepare failure of an analyzer asked for by name, and skips it otherwise', async () => {
    const failing = registry({
      prepare: () => Promise.reject(new VanguardError('DATABASE', 'no advisory database')),
    });
    const root = tree({ 'a.txt': 'DANGER' });
    await expect(runScan({ path: root, registry: failing, only: ['code'] })).rejects.toThrow(
      'no advisory database',
    );
    const r = await runScan({ path: root, registry: failing });
    expect(r.analyzers[0]!.status).toBe('skipped');
    expect(r.warnings).toEqual([
      { code: 'analyzer-skipped', analyzer: 'code', message: 'skipped: no advisory database' },
    ]);
    expect(r.findings).toHaveLength(0);
  });

  it('marks the scan partial when an input could not be read', async () => {
    const root = tree({ 'a.txt': 'ok' });
    execFileSync('mkfifo', [join(root, '.gitignore')]);
    const r = await runScan({ path: root, registry: registry() });
    expect(r.status).toBe('partial');
    expect(r.discovery.skippedFiles).toContainEqual({
      path: '.gitignore',
      reason: 'unreadable',
      detail: 'not used: not a regular file',
    });
  });

  it('marks the scan partial for a FIFO in the tree (a special file), as docs/output.md promises', async () => {
    const root = tree({ 'a.txt': 'ok' });
    execFileSync('mkfifo', [join(root, 'pipe.txt')]);
    const r = await runScan({ path: root, registry: registry() });
    expect(r.discovery.skipped.special).toBe(1);
    expect(r.status).toBe('partial');
    const clean = await runScan({
      path: tree({ 'a.txt': 'ok', 'bin.txt': Buffer.from([0x44, 0, 0x41, 0x4e]) }),
      registry: registry(),
    });
    expect(clean.discovery.skipped.binary).toBe(1);
    expect(clean.status).toBe('complete');
  });

  it('rejects unknown analyzer names', async () => {
    await expect(runScan({ path: tree({}), registry: registry(), only: ['nope'] })).rejects.toThrow(
      /unknown analyzer "nope"/,
    );
  });

  it('honours --fail-on', async () => {
    const root = tree({ 'a.txt': 'DANGER' });
    const r = await runScan({ path: root, registry: registry(), failOn: 'critical' });
    expect(r.summary.gate).toMatchObject({ failed: false, failOn: 'critical' });
    expect(r.summary.gate.reason).toMatch(/^passed/);
  });
});
