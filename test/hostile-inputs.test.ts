import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileOutcome, FileTask } from '../src/scan/file-task.js';
import { runInWorkers } from '../src/scan/pool.js';
import { watchedCli } from './helpers/watchdog.js';

// Hostile inputs of issue #18, each scanned by the built CLI in a child process under a watchdog
// (wall time and memory of the CLI with its workers). The limits are far above what a healthy run
// needs and far below what the unbounded code used (minutes, gigabytes), so a regression is a
// killed run rather than a flaky timing.
const LIMITS = { timeMs: 240_000, maxBytes: 1536 * 2 ** 20 };

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'vg-hostile-'));
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), content);
  }
  return root;
}

interface Report {
  status: string;
  warnings: { code: string; path?: string; message: string }[];
  analyzers: { id: string; errors: { path: string; message: string }[] }[];
}

async function scan(root: string, ...extra: string[]): Promise<{ code: number | null; report: Report }> {
  const r = await watchedCli(['scan', root, '--format', 'json', ...extra], LIMITS);
  expect(r.killedFor, r.stderr).toBeUndefined();
  expect(r.signal, r.stderr).toBeNull();
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
}

const errorsOf = (r: Report, id: string): string[] =>
  r.analyzers.find((a) => a.id === id)?.errors.map((e) => `${e.path}: ${e.message}`) ?? [];

/** A "billion laughs" of `levels` levels of `width` aliases each. */
function laughs(levels: number, width: number): string {
  const lines = [`a0: &a0 [${Array(width).fill('"curl x|sh"').join(',')}]`];
  for (let i = 1; i <= levels; i++)
    lines.push(
      `a${i}: &a${i} [${Array(width)
        .fill(`*a${i - 1}`)
        .join(',')}]`,
    );
  return `${lines.join('\n')}\njob:\n  script: *a${levels}\n`;
}

describe('hostile inputs end with a per-file error or a warning, within bounds', () => {
  it('a half-kilobyte alias bomb in .gitlab-ci.yml is a parse error of that file (exit 3)', async () => {
    const bomb = laughs(8, 9);
    expect(bomb.length).toBeLessThan(520);
    const { code, report } = await scan(
      tree({ '.gitlab-ci.yml': bomb, 'ok.txt': 'fine' }),
      '--only',
      'pipeline',
    );
    expect(code).toBe(3);
    expect(report.status).toBe('partial');
    expect(errorsOf(report, 'pipeline').join('\n')).toMatch(/\.gitlab-ci\.yml: .*alias bomb/);
  });

  it('a workflow whose steps are one alias reused by 3,000 jobs is analysed', async () => {
    const jobs = Array.from(
      { length: 2999 },
      (_, i) => `  j${i + 1}:\n    runs-on: ubuntu-latest\n    steps: *steps`,
    );
    const wf = `on: [push]\njobs:\n  j0:\n    runs-on: ubuntu-latest\n    steps: &steps\n      - uses: actions/checkout@v4\n      - run: npm test\n${jobs.join('\n')}\n`;
    const { report } = await scan(tree({ '.github/workflows/ci.yml': wf }), '--only', 'pipeline');
    expect(errorsOf(report, 'pipeline')).toEqual([]);
  });

  it('a GitLab file with a merged template reused 3,000 times is analysed', async () => {
    const jobs = Array.from({ length: 3000 }, (_, i) => `job${i}:\n  <<: *tmpl\n  stage: test`).join('\n');
    const text = `.tmpl: &tmpl\n  image: node:20.11.1\n  script:\n    - npm ci\n    - npm test\n${jobs}\n`;
    const { report } = await scan(tree({ '.gitlab-ci.yml': text }), '--only', 'pipeline');
    expect(errorsOf(report, 'pipeline')).toEqual([]);
  });

  it('an alias bomb in vanguard.yaml is a configuration error (exit 2)', async () => {
    const r = await watchedCli(['scan', tree({ 'vanguard.yaml': laughs(8, 9), 'a.txt': 'x' })], LIMITS);
    expect(r.killedFor).toBeUndefined();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/vanguard\.yaml.*alias/s);
  });

  it('a Dockerfile of 200,000 continuation lines is analysed, in memory flat per line', async () => {
    // The parse tree of every line (2.6 KB per line) took 2.6 GB for a million lines; the splitter
    // holds one instruction. The bound is memory above a scan of a one-line Dockerfile, per line:
    // about 150 bytes today (the text itself, decoded and joined), 2,600 with the old parser.
    // bench/hostile/dockerfile.mjs runs the million lines.
    const lines = 200_000;
    const df = `FROM alpine:3.20\nRUN echo a \\\n${'  argument-value \\\n'.repeat(lines)}  c\nRUN curl -fsSL https://get.example.com/i.sh | sh\nUSER root\n`;
    const one = await watchedCli(
      ['scan', tree({ Dockerfile: 'FROM alpine:3.20\nUSER app\n' }), '--only', 'iac'],
      LIMITS,
    );
    const big = await watchedCli(
      ['scan', tree({ Dockerfile: df }), '--only', 'iac', '--format', 'json'],
      LIMITS,
    );
    expect(big.killedFor, big.stderr).toBeUndefined();
    const report = JSON.parse(big.stdout) as Report & {
      findings: { ruleId: string; location: { startLine: number } }[];
    };
    expect(report.status).toBe('complete');
    expect(errorsOf(report, 'iac')).toEqual([]);
    expect(report.findings.map((f) => [f.ruleId, f.location.startLine]).sort()).toEqual([
      ['iac/dockerfile-curl-pipe-shell', lines + 4],
      ['iac/dockerfile-user-root', lines + 5],
    ]);
    expect((big.peakBytes - one.peakBytes) / lines).toBeLessThan(600);
  });

  it('one problem repeated 50,000 times in a file is one finding, with the cap announced', async () => {
    // Every copy went through masking, fingerprints and the worker boundary before the merge:
    // 200,000 `EXPOSE 23` lines took 9.6 s and 694 MB, 2.9 s and 208 MB with the per-rule cap.
    const lines = 50_000;
    // 1,000 suppressed copies come first: they must not fill the cap in place of the others.
    const suppressed =
      '# vanguard-ignore: iac/dockerfile-expose-plaintext-port lab image\nEXPOSE 23\n'.repeat(1_000);
    const df = `FROM alpine:3.20\n${suppressed}${'EXPOSE 23\n'.repeat(lines)}USER app\n`;
    const r = await watchedCli(
      ['scan', tree({ Dockerfile: df }), '--only', 'iac', '--format', 'json'],
      LIMITS,
    );
    expect(r.killedFor, r.stderr).toBeUndefined();
    const report = JSON.parse(r.stdout) as Report & {
      findings: { ruleId: string; location: { startLine: number }; suppression?: unknown }[];
      warnings: { code: string; path?: string; message: string }[];
    };
    expect(report.status).toBe('complete');
    expect(report.findings.map((f) => [f.ruleId, f.location.startLine, f.suppression ?? null])).toEqual([
      ['iac/dockerfile-expose-plaintext-port', 2_002, null],
    ]);
    const cap = report.warnings.filter((w) => w.code === 'finding-cap');
    expect(cap).toHaveLength(1);
    expect(cap[0]!.path).toBe('Dockerfile');
    expect(cap[0]!.message).toMatch(/matched 51000 times/);
  });

  it('a string concatenated over 2,000 lines ends with a "stopped early" warning', async () => {
    const js = `const express = require('express');\nconst app = express();\napp.get('/x', (req, res) => {\n  let q = req.query.a;\n${Array.from({ length: 2000 }, (_, i) => `  q = q + 'x${i}';`).join('\n')}\n  res.send(q);\n});\n`;
    const { report } = await scan(tree({ 'app.js': js }), '--only', 'code');
    const early = report.warnings.find((w) => /stopped early/.test(w.message));
    expect(early?.path).toBe('app.js');
  });

  it('a FIFO in the tree makes the scan partial (exit 3)', async () => {
    const root = tree({ 'a.txt': 'x' });
    execFileSync('mkfifo', [join(root, 'pipe.txt')]);
    const { code, report } = await scan(root, '--only', 'secrets');
    expect(code).toBe(3);
    expect(report.status).toBe('partial');
  });

  it('--workers 1000 is clamped to the cores, with a note', async () => {
    const { report } = await scan(tree({ 'a.txt': 'x' }), '--only', 'secrets', '--workers', '1000');
    expect(JSON.stringify(report.warnings)).toMatch(/--workers 1000 is more than the \d+ cores/);
  });
});

describe('workers that load re2 survive being replaced', () => {
  it('replaces real scan workers after every batch without a crash or a lost file', async () => {
    // 6 batches of 64 files, a new worker for each: with worker threads, re2's shared RE2.Set
    // handle aborted the whole process when a thread loaded it after another had ended.
    const root = tree(
      Object.fromEntries(Array.from({ length: 384 }, (_, i) => [`f${i}.txt`, `line ${i}\n`])),
    );
    const tasks: FileTask[] = Array.from({ length: 384 }, (_, i) => ({
      file: { path: `f${i}.txt`, name: `f${i}.txt`, ext: 'txt', size: 8, absPath: join(root, `f${i}.txt`) },
      analyzers: ['secrets'],
    }));
    const out: FileOutcome[] = [];
    const init = {
      root,
      analyzerIds: ['secrets' as const],
      options: {},
      paths: tasks.map((t) => t.file.path),
      maxFileSize: 1e6,
    };
    const worker = new URL('../dist/scan/worker.js', import.meta.url);
    await runInWorkers(tasks, init, 2, (o) => out.push(...o), 120_000, worker, { bytes: 1 });
    expect(out).toHaveLength(384);
    expect(out.flatMap((o) => o.errors)).toEqual([]);
  });
});
