import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PLANTED_LINE, plantedProject } from './helpers/planted-project.js';

/**
 * action.yml at the repository root: its `uses:` are pinned, and its run steps, executed in order
 * as the runner would (bash -eo pipefail, inputs through the expressions they name, outputs through
 * $GITHUB_OUTPUT), scan a fixture, write SARIF and fail the job on the planted finding.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TEXT = readFileSync(join(ROOT, 'action.yml'), 'utf8');

interface Step {
  id?: string;
  name: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}
const action = parse(TEXT) as Action;

interface RunOutcome {
  steps: Record<string, Record<string, string>>;
  /** Exit code of each run step by name; the first failing step ends the job. */
  codes: Record<string, number>;
  stdout: string;
  uploads: string[];
}

/** Runs the action's run steps; `uses:` steps are recorded (setup-node: this Node; cache, upload: not run). */
function runAction(workspace: string, inputs: Record<string, string>): RunOutcome {
  const temp = mkdtempSync(join(tmpdir(), 'vg-runner-'));
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(action.inputs)) values[k] = inputs[k] ?? v.default ?? '';
  const steps: RunOutcome['steps'] = {};
  const codes: RunOutcome['codes'] = {};
  const uploads: string[] = [];
  let stdout = '';

  const expr = (e: string): string => {
    const x = e.trim();
    let m = /^inputs\.([\w-]+)$/.exec(x);
    if (m) return values[m[1]!] ?? '';
    m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(x);
    if (m) return steps[m[1]!]?.[m[2]!] ?? '';
    const ctx: Record<string, string> = {
      'github.action_path': ROOT,
      'github.workspace': workspace,
      'runner.temp': temp,
      'runner.os': 'Linux',
    };
    if (Object.hasOwn(ctx, x)) return ctx[x]!;
    throw new Error(`expression not understood by this test: ${x}`);
  };
  const subst = (s: string): string => s.replace(/\$\{\{([^}]*)\}\}/g, (_m, e: string) => expr(e));
  const condition = (c: string | undefined): boolean => {
    if (c === undefined) return true;
    const m = /^inputs\.([\w-]+) == '([^']*)'$/.exec(c.trim());
    if (!m) throw new Error(`condition not understood by this test: ${c}`);
    return values[m[1]!] === m[2];
  };

  for (const step of action.runs.steps) {
    if (step.uses !== undefined) {
      if (step.uses.startsWith('github/codeql-action/upload-sarif@'))
        uploads.push(subst(step.with!.sarif_file!));
      continue;
    }
    if (!condition(step.if)) continue;
    expect(step.run, step.name).not.toContain('${{');
    const output = join(temp, `output-${step.id ?? 'x'}`);
    writeFileSync(output, '');
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = subst(v);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
      cwd: step['working-directory'] ? subst(step['working-directory']) : workspace,
      encoding: 'utf8',
      env: {
        ...process.env,
        ...env,
        GITHUB_OUTPUT: output,
        GITHUB_ACTION_PATH: ROOT,
        GITHUB_WORKSPACE: workspace,
        NO_COLOR: '1',
      },
      timeout: 300_000,
    });
    stdout += r.stdout;
    codes[step.name] = r.status ?? -1;
    const outputs: Record<string, string> = {};
    for (const line of readFileSync(output, 'utf8').split('\n')) {
      const eq = line.indexOf('=');
      if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
    }
    if (step.id) steps[step.id] = outputs;
    if (r.status !== 0) break;
  }
  return { steps, codes, stdout, uploads };
}

describe('the GitHub Action', () => {
  it('is a composite action whose every `uses:` is pinned by commit SHA with its tag', () => {
    expect(action.runs.using).toBe('composite');
    const uses = TEXT.split('\n').filter((l) => /^\s*uses:/.test(l));
    expect(uses.length).toBeGreaterThanOrEqual(3);
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    expect(TEXT).toMatch(/actions\/cache@/);
    expect(TEXT).toMatch(/security-events: write/);
  });

  it('scans the workspace, writes SARIF and annotations, and fails the job on the planted finding', () => {
    const workspace = plantedProject(true);
    const r = runAction(workspace, { path: 'app', 'update-db': 'false' });
    expect(r.steps.scan!['exit-code']).toBe('1');
    expect(r.codes.Gate).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`::error file=server\\.js,line=${PLANTED_LINE},`));
    expect(r.uploads).toEqual(['vanguard.sarif']);
    const sarif = JSON.parse(readFileSync(join(workspace, 'vanguard.sarif'), 'utf8')) as {
      runs: { results: { ruleId: string }[] }[];
    };
    expect(sarif.runs[0]!.results.map((x) => x.ruleId)).toContain('code/js-command-injection');
  });

  it('passes a clean workspace and honours inputs (fail-on, sarif-file)', () => {
    const workspace = plantedProject(false);
    const r = runAction(workspace, {
      path: 'app',
      'update-db': 'false',
      'sarif-file': 'out/v.sarif',
      'fail-on': 'low',
    });
    expect(r.codes.Gate).toBe(0);
    expect(r.steps.scan!['exit-code']).toBe('0');
    expect(existsSync(join(workspace, 'out', 'v.sarif'))).toBe(true);
  });
});
