import { readFile } from 'node:fs/promises';
import { git } from '../discover/git.js';
import { UsageError, VanguardError } from '../core/errors.js';
import type { Phase } from '../core/finding.js';

export interface PushOptions {
  server: string;
  token: string;
  project?: string;
  branch?: string;
  commit?: string;
  phase?: Phase;
  /** How long to wait for an import job of a large report (default 10 minutes). */
  waitMs?: number;
}

export interface PushAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** The branch and commit being built, from the CI environment, else from git in `cwd`. */
export async function gitContext(
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ branch?: string; commit?: string }> {
  const pick = (...names: string[]): string | undefined =>
    names.map((n) => env[n]).find((v) => v !== undefined && v !== '');
  let branch = pick(
    'GITHUB_HEAD_REF',
    'GITHUB_REF_NAME',
    'CI_COMMIT_REF_NAME',
    'BUILDKITE_BRANCH',
    'BRANCH_NAME',
  );
  let commit = pick('GITHUB_SHA', 'CI_COMMIT_SHA', 'BUILDKITE_COMMIT', 'GIT_COMMIT');
  // Outside CI (or a CI that sets neither): ask git, through the one helper that runs it.
  try {
    branch ??= (await git(cwd, ['rev-parse', '--abbrev-ref', 'HEAD'])).toString().trim();
    commit ??= (await git(cwd, ['rev-parse', 'HEAD'])).toString().trim();
  } catch (err) {
    if (!(err instanceof VanguardError)) throw err;
    // Not a git repository: the server then files the report under the branch "default".
  }
  return { ...(branch && branch !== 'HEAD' ? { branch } : {}), ...(commit ? { commit } : {}) };
}

function endpoint(server: string, path: string): URL {
  let base: URL;
  try {
    base = new URL(server);
  } catch {
    throw new UsageError(`--server is not a URL: ${server}`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:')
    throw new UsageError('--server must be an http(s) URL');
  return new URL(path, base.href.endsWith('/') ? base.href : `${base.href}/`);
}

async function call(url: URL, token: string, init: RequestInit = {}): Promise<PushAnswer> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
  } catch (err) {
    throw new VanguardError('NETWORK', `cannot reach ${url.origin}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { error: { message: text.slice(0, 300) } };
  }
  return { status: res.status, body };
}

function failure(a: PushAnswer): VanguardError {
  const e = a.body.error as { message?: string } | undefined;
  return new VanguardError(
    'NETWORK',
    `the server refused the report (HTTP ${a.status}): ${e?.message ?? 'no reason given'}`,
  );
}

/** Sends one report body; waits for the import job when the server answers 202. */
export async function pushBody(body: string, opts: PushOptions): Promise<Record<string, unknown>> {
  const url = endpoint(opts.server, 'api/v1/reports');
  for (const [k, v] of Object.entries({
    project: opts.project,
    branch: opts.branch,
    commit: opts.commit,
    phase: opts.phase,
  }))
    if (v !== undefined) url.searchParams.set(k, v);
  const a = await call(url, opts.token, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  });
  if (a.status === 201) return a.body;
  if (a.status !== 202) throw failure(a);
  const poll = endpoint(opts.server, String(a.body.poll).replace(/^\//, ''));
  const deadline = Date.now() + (opts.waitMs ?? 600_000);
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    const j = await call(poll, opts.token);
    if (j.status !== 200) throw failure(j);
    if (j.body.status === 'succeeded')
      return { ...(j.body.result as Record<string, unknown>), jobId: j.body.id };
    if (j.body.status === 'failed')
      throw new VanguardError('NETWORK', `import job ${String(j.body.id)} failed: ${String(j.body.error)}`);
  }
  throw new VanguardError(
    'TIMEOUT',
    `import job still running after ${Math.round((opts.waitMs ?? 600_000) / 1000)} s: poll ${poll.href}`,
  );
}

/** Reads and pushes one report file. */
export async function pushFile(path: string, opts: PushOptions): Promise<Record<string, unknown>> {
  let body: string;
  try {
    body = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
  return pushBody(body, opts);
}

/** GETs a JSON document from the server's API with a token (`vanguard metrics`); non-200 is an error. */
export async function getJson(
  server: string,
  token: string,
  path: string,
  params: Record<string, string | undefined> = {},
): Promise<Record<string, unknown>> {
  const url = endpoint(server, path);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  const a = await call(url, token);
  if (a.status !== 200) {
    const e = a.body.error as { message?: string } | undefined;
    throw new VanguardError(
      a.status === 400 || a.status === 404 ? 'USAGE' : 'NETWORK',
      `the server answered HTTP ${a.status}: ${e?.message ?? 'no reason given'}`,
    );
  }
  return a.body;
}
