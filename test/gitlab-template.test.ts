import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PLANTED_LINE, plantedProject } from './helpers/planted-project.js';

/**
 * templates/vanguard.gitlab-ci.yml: its script lines, run one after the other as the GitLab runner
 * does (sh, the job's variables in the environment, `vanguard` on the PATH as in the image), write
 * the Code Quality and SAST reports the job declares and fail the job on the planted finding.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'node_modules', '.bin'); // `npm run build` links dist/cli/main.js as `vanguard` here

interface Job {
  image: { name: string; entrypoint: string[] };
  variables: Record<string, string>;
  script: string[];
  artifacts: { when: string; reports: Record<string, string>; paths: string[] };
  cache: { paths: string[] };
}
const job = (
  parse(readFileSync(join(ROOT, 'templates', 'vanguard.gitlab-ci.yml'), 'utf8')) as { vanguard: Job }
).vanguard;

function runJob(project: string, overrides: Record<string, string>): { code: number; output: string } {
  // GitLab expands $VARIABLES inside variable values; the template only refers to CI_PROJECT_DIR.
  const env: Record<string, string> = { CI_PROJECT_DIR: project };
  for (const [k, v] of Object.entries(job.variables))
    env[k] = overrides[k] ?? v.replace(/\$CI_PROJECT_DIR/g, project);
  let output = '';
  for (const line of job.script) {
    const r = spawnSync('sh', ['-c', line], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, ...env, PATH: `${BIN}:${process.env.PATH ?? ''}`, NO_COLOR: '1' },
      timeout: 300_000,
    });
    output += r.stdout + r.stderr;
    if (r.status !== 0) return { code: r.status ?? -1, output };
  }
  return { code: 0, output };
}

describe('the GitLab CI template', () => {
  it('declares Code Quality and SAST reports, kept also when the job fails, and caches the database', () => {
    expect(job.artifacts.when).toBe('always');
    expect(job.artifacts.reports).toEqual({
      codequality: 'gl-code-quality-report.json',
      sast: 'gl-sast-report.json',
    });
    expect(job.image.entrypoint).toEqual(['']);
    expect(job.cache.paths).toEqual(['.vanguard-cache/']);
  });

  it('writes both reports and fails the job on the planted finding', () => {
    const project = plantedProject(true);
    const r = runJob(project, { VANGUARD_UPDATE_DB: 'false', VANGUARD_PATH: 'app' });
    expect(r.code, r.output).toBe(1);
    const quality = JSON.parse(readFileSync(join(project, job.artifacts.reports.codequality!), 'utf8')) as {
      check_name: string;
      location: { path: string; lines: { begin: number } };
    }[];
    expect(quality.map((i) => [i.check_name, i.location.path, i.location.lines.begin])).toContainEqual([
      'code/js-command-injection',
      'server.js',
      PLANTED_LINE,
    ]);
    const sast = JSON.parse(readFileSync(join(project, job.artifacts.reports.sast!), 'utf8')) as {
      scan: { status: string };
      vulnerabilities: { identifiers: { value: string }[] }[];
    };
    expect(sast.scan.status).toBe('success');
    expect(sast.vulnerabilities.map((v) => v.identifiers[0]!.value)).toContain('code/js-command-injection');
    for (const p of job.artifacts.paths)
      expect(readFileSync(join(project, p), 'utf8').length).toBeGreaterThan(0);
  });

  it('passes a clean project, with extra arguments from VANGUARD_ARGS', () => {
    const project = plantedProject(false);
    const r = runJob(project, {
      VANGUARD_UPDATE_DB: 'false',
      VANGUARD_PATH: 'app',
      VANGUARD_ARGS: '--fail-on low --skip deps',
    });
    expect(r.code, r.output).toBe(0);
    expect(JSON.parse(readFileSync(join(project, 'gl-code-quality-report.json'), 'utf8'))).toEqual([]);
  });
});
