import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { startServe } from './helpers/serve-process.js';

/**
 * The package as users get it: `npm pack`, installed into an empty folder, scanning a small project.
 * Slow-ish (an `npm install`, from the local npm cache when it holds the packages). `npm test` builds
 * dist/ first; the pack step skips `prepare` so that it packs exactly that build.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  allowScripts?: Record<string, boolean>;
};

// Test material that must never be packed (see tsconfig.build.json and package.json "files").
const TEST_MATERIAL = /(^|\/)(examples|fixtures|tests)\/|\.test\.|(^|\/)examples\.|(^|\/)test-[^/]*$|\.map$/;

function run(cmd: string, args: string[], cwd: string, timeout = 300_000) {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' },
    maxBuffer: 64 * 1024 * 1024,
    timeout,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, error: r.error };
}

/**
 * Native add-ons compile in their install scripts (a download or a compiler). The install skips
 * scripts so that it works offline and quickly; the binaries built for this checkout are copied
 * instead, from the packages this repository allows to run scripts.
 */
function copyNativeBuilds(app: string): void {
  for (const [name, allowed] of Object.entries(pkg.allowScripts ?? {})) {
    if (!allowed) continue;
    const from = join(ROOT, 'node_modules', name);
    const to = join(app, 'node_modules', name);
    const release = join(from, 'build', 'Release');
    if (!existsSync(to) || !existsSync(release)) continue;
    const version = (dir: string) =>
      (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    if (version(from) !== version(to))
      throw new Error(`${name}: installed ${version(to)} but this checkout built ${version(from)}`);
    mkdirSync(join(to, 'build', 'Release'), { recursive: true });
    for (const f of readdirSync(release).filter((f) => f.endsWith('.node')))
      copyFileSync(join(release, f), join(to, 'build', 'Release', f));
  }
}

describe('the packed package', () => {
  const work = mkdtempSync(join(tmpdir(), 'vg-pack-'));
  const app = join(work, 'app');
  const project = join(work, 'project');
  const bin = join(app, 'node_modules', '.bin', 'vanguard');
  let files: string[] = [];

  beforeAll(() => {
    const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
    expect(packed.code, packed.stderr).toBe(0);
    const info = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    files = info[0]!.files.map((f) => f.path);
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "vg-pack-smoke", "private": true }\n');
    const install = run(
      'npm',
      [
        'install',
        join(work, info[0]!.filename),
        '--prefer-offline',
        '--ignore-scripts',
        '--omit=dev',
        '--no-audit',
        '--no-fund',
        '--no-package-lock',
      ],
      app,
    );
    expect(install.code, install.stderr).toBe(0);
    copyNativeBuilds(app);

    // A small project with one planted finding for a shipped code rule, and a policy file.
    mkdirSync(project);
    writeFileSync(
      join(project, 'server.js'),
      [
        "const { exec } = require('node:child_process');",
        "const express = require('express');",
        'const app = express();',
        "app.get('/files', (req, res) => {",
        "  exec('ls ' + req.query.dir, (err, out) => res.send(out));",
        '});',
        '',
      ].join('\n'),
    );
    writeFileSync(join(project, 'vanguard.yaml'), 'version: 1\ngates:\n  failOn: high\n');
  }, 600_000);

  it('ships the CLI, the library, rules and schemas, and no test material', () => {
    for (const f of [
      'dist/cli/main.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/scan/worker.js',
      'schemas/vanguard.schema.json',
      'schemas/threatmodel.schema.json',
      'schemas/scan-result.schema.json',
      'package.json',
      'README.md',
      'dist/dashboard/index.html',
      'dist/dashboard/manifest.json',
    ])
      expect(files).toContain(f);
    expect(files.filter((f) => /^dist\/dashboard\/assets\/app-[A-Z0-9]+\.js$/.test(f))).toHaveLength(1);
    const ruleFiles = readdirSync(join(ROOT, 'rules', 'code')).filter((f) => f.endsWith('.yaml'));
    expect(ruleFiles.length).toBeGreaterThan(0);
    for (const f of ruleFiles) expect(files).toContain(`rules/code/${f}`);
    expect(files.filter((f) => TEST_MATERIAL.test(f))).toEqual([]);
  });

  it('runs from an empty folder: version, rules and a scan with the planted finding', () => {
    const version = run(bin, ['--version'], app);
    expect(version.stdout.trim()).toBe(pkg.version);

    const rules = run(bin, ['rules', 'list', '--json'], app);
    expect(rules.code, rules.stderr).toBe(0);
    const ids = (JSON.parse(rules.stdout) as { id: string }[]).map((r) => r.id);
    expect(ids).toContain('code/js-command-injection');

    const sarif = join(work, 'out.sarif');
    const scan = run(
      bin,
      ['scan', project, '--no-progress', '--format', 'json', '--format', 'sarif', '--output', sarif],
      app,
    );
    expect(scan.stderr).not.toMatch(/Error|Cannot find/);
    expect(scan.code, scan.stderr).toBe(1); // the planted high-severity finding fails the gate
    const result = JSON.parse(scan.stdout) as {
      status: string;
      findings: { ruleId: string; location: { path: string; startLine: number } }[];
    };
    expect(result.status).toBe('complete');
    expect(result.findings.map((f) => [f.ruleId, f.location.path, f.location.startLine])).toContainEqual([
      'code/js-command-injection',
      'server.js',
      5,
    ]);
    const log = JSON.parse(readFileSync(sarif, 'utf8')) as {
      version: string;
      runs: { results: unknown[] }[];
    };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results.length).toBe(result.findings.length);
  });

  it('serves the bundled dashboard from the installed package, with no internet', async () => {
    const data = mkdtempSync(join(tmpdir(), 'vg-pack-data-'));
    const server = await startServe(['--data-dir', data], {}, bin);
    try {
      const index = await fetch(`${server.url}/`, { headers: { accept: 'text/html' } });
      expect(index.status).toBe(200);
      const html = await index.text();
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
      expect(assets).toHaveLength(2);
      for (const a of assets) expect((await fetch(`${server.url}${a}`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('exposes the library entry point', () => {
    const r = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const v = await import('vanguard'); console.log(typeof v.runScan, typeof v.REPORTERS.sarif, v.VERSION);",
      ],
      app,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(`function function ${pkg.version}`);
  });
});
