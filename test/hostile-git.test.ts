import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initRepository } from '../src/policy/init/init-repo.js';
import { runDiffScan, runStagedScan } from '../src/scan/diff-scan.js';
import { runScan } from '../src/scan/run-scan.js';
import { collectUnits } from '../src/threats/run.js';
import { runCli } from './helpers/cli.js';
import { baseRepo, VECTORS, type Vector } from './helpers/hostile-repos.js';

/**
 * Scanning a repository never runs its code. Each vector is planted in a repository of its own; a
 * control shows that a user's plain git command on an identical repository does run the planted
 * program (so the plant is live), and then every Vanguard path that runs git must leave no marker.
 */

const markers = mkdtempSync(join(tmpdir(), 'vg-markers-'));
afterAll(() => rmSync(markers, { recursive: true, force: true }));

const slug = (v: Vector): string => v.name.replace(/[^a-z0-9]+/gi, '-');

/** Plants the vector in a fresh repository; proves with the control that git itself would run it. */
function planted(v: Vector): { dir: string; marker: string; env: Record<string, string> } {
  if (v.control) {
    const controlMarker = join(markers, `${slug(v)}-control`);
    const ctrl = (v.repo ?? baseRepo)();
    const env = v.plant(ctrl, controlMarker) ?? {};
    v.control(ctrl, env);
    expect(existsSync(controlMarker), `control: git itself runs the planted ${v.name}`).toBe(true);
    rmSync(ctrl, { recursive: true, force: true });
  }
  const marker = join(markers, slug(v));
  const dir = (v.repo ?? baseRepo)();
  return { dir, marker, env: v.plant(dir, marker) ?? {} };
}

/** Every library path that starts git on a scanned repository (each command of the CLI calls one). */
const PATHS: { name: string; run: (dir: string) => Promise<unknown> }[] = [
  { name: 'scan', run: (d) => runScan({ path: d, workers: 1 }) },
  {
    name: 'scan --history',
    run: (d) => runScan({ path: d, workers: 1, only: ['secrets'], options: { secrets: { history: true } } }),
  },
  {
    name: 'scan --history-since',
    run: (d) =>
      runScan({
        path: d,
        workers: 1,
        only: ['secrets'],
        options: { secrets: { history: true, historySince: 'HEAD~1' } },
      }),
  },
  { name: 'scan --staged', run: (d) => runStagedScan({ path: d, workers: 1 }) },
  { name: 'scan --diff', run: (d) => runDiffScan({ path: d, workers: 1, only: ['secrets'] }, 'HEAD~2') },
  {
    name: 'sbom',
    run: (d) => runScan({ path: d, workers: 1, only: ['deps'], options: { deps: { advisories: false } } }),
  },
  { name: 'threats', run: (d) => collectUnits(d) },
  { name: 'init', run: (d) => initRepository(d, { version: '0.0.0' }) },
];

describe('a scanned repository cannot make Vanguard run its code', () => {
  for (const v of VECTORS) {
    it(`${v.name}: the planted program does not run`, { timeout: 180_000 }, async () => {
      const { dir, marker, env } = planted(v);
      const saved = { ...process.env };
      Object.assign(process.env, env);
      const ran: string[] = [];
      try {
        for (const p of PATHS) {
          // A usage error (a partial clone without a checkout) is fine here; running the program is not.
          await p.run(dir).catch((err: unknown) => {
            if (!(err instanceof Error) || !('code' in err)) throw err;
          });
          if (existsSync(marker)) {
            ran.push(p.name);
            rmSync(marker);
          }
        }
      } finally {
        for (const k of Object.keys(env)) delete process.env[k];
        Object.assign(process.env, saved);
      }
      expect(ran, `paths that ran the planted ${v.name}`).toEqual([]);
      rmSync(dir, { recursive: true, force: true });
    });
  }
});

/** Every CLI command that runs git, as a user types it. */
const COMMANDS: { name: string; args: (dir: string) => string[] }[] = [
  { name: 'scan', args: (d) => ['scan', d, '--format', 'json'] },
  { name: 'scan --history', args: (d) => ['scan', d, '--history', '--only', 'secrets'] },
  {
    name: 'scan --history-since',
    args: (d) => ['scan', d, '--history', '--history-since', 'HEAD~1', '--only', 'secrets'],
  },
  { name: 'scan --staged', args: (d) => ['scan', d, '--staged'] },
  { name: 'scan --diff', args: (d) => ['scan', d, '--diff', 'HEAD~2', '--only', 'secrets'] },
  { name: 'sbom', args: (d) => ['sbom', d] },
  { name: 'threats', args: (d) => ['threats', d] },
  { name: 'init', args: (d) => ['init', d] },
];

// The vector reported against the CLI, and the one that reaches the network layer, end to end.
const END_TO_END = ['core.fsmonitor', 'lazy fetch from a promisor remote over ext::'];

describe('end to end through the CLI', () => {
  for (const v of VECTORS.filter((x) => END_TO_END.includes(x.name))) {
    it(`${v.name}: no command runs the planted program`, { timeout: 600_000 }, () => {
      const { dir, marker, env } = planted(v);
      const ran: string[] = [];
      for (const c of COMMANDS) {
        const r = runCli(c.args(dir), { env: { ...env, VANGUARD_DB: join(markers, 'no-db.sqlite') } });
        // Findings, a usage error or a partial scan are fine here; a crash is not.
        expect([0, 1, 2, 3], `${c.name}: ${r.stderr}`).toContain(r.code);
        if (existsSync(marker)) {
          ran.push(c.name);
          rmSync(marker);
        }
      }
      expect(ran, `commands that ran the planted ${v.name}`).toEqual([]);
      rmSync(dir, { recursive: true, force: true });
    });
  }
});
