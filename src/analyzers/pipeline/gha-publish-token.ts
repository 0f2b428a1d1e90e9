import type { JobState } from './gha-steps.js';
import type { Pos } from './report.js';
import { GHA_PUBLISH_TOKEN } from './rules-gha.js';
import type { YNode } from './yaml.js';
import { entry, get, isFalse, isTrue, str } from './yaml.js';

/*
 * Registries that accept OpenID Connect "trusted publishing" from GitHub Actions: a workflow that still
 * publishes with a stored token keeps a long-lived credential that any step (or a compromised action) can
 * read and reuse outside CI, where a short-lived OIDC token would expire with the job.
 */

// Publishing commands of registries with trusted publishing, and the variables their tokens travel in.
const COMMANDS: { re: RegExp; registry: string; tokenVars: RegExp }[] = [
  {
    re: /\b(?:npm|pnpm|yarn\s{1,4}npm)\s{1,4}publish\b/,
    registry: 'npm',
    tokenVars: /^(?:NODE_AUTH_TOKEN|NPM_TOKEN|NPM_AUTH_TOKEN|YARN_NPM_AUTH_TOKEN)$/i,
  },
  {
    re: /\bcargo\s{1,4}(?:\+\S{1,40}\s{1,4})?publish\b/,
    registry: 'crates.io',
    tokenVars: /^CARGO_REGISTRY_TOKEN$/i,
  },
  {
    re: /\btwine\s{1,4}upload\b|\buv\s{1,4}publish\b|\bpoetry\s{1,4}publish\b|\bflit\s{1,4}publish\b|\bhatch\s{1,4}publish\b/,
    registry: 'PyPI',
    tokenVars:
      /^(?:TWINE_PASSWORD|UV_PUBLISH_TOKEN|UV_PUBLISH_PASSWORD|POETRY_PYPI_TOKEN_PYPI|FLIT_PASSWORD|HATCH_INDEX_AUTH)$/i,
  },
  { re: /\bgem\s{1,4}push\b/, registry: 'RubyGems', tokenVars: /^GEM_HOST_API_KEY$/i },
  {
    re: /\bdotnet\s{1,4}nuget\s{1,4}push\b/,
    registry: 'NuGet',
    tokenVars: /^NUGET_(?:API_KEY|AUTH_TOKEN)$/i,
  },
];
const DRY_RUN = /--dry-run\b|\s-n\b/;
const SECRET_REF = /\$\{\{[^}]{0,300}\bsecrets\./;

/** Secret-holding variables of the step's scope whose names fit the registry's token variables. */
function tokenIn(js: JobState, names: RegExp): string | undefined {
  return [...js.secretEnv].find((n) => names.test(n));
}

/** A `run:` line that publishes with a stored token (on the command line or in a token variable). */
export function checkPublishLine(js: JobState, line: string, at: (needle: string) => Pos, sw: string): void {
  for (const c of COMMANDS) {
    const m = c.re.exec(line);
    if (!m || DRY_RUN.test(line)) continue;
    const token = SECRET_REF.test(line) ? 'a secret on its command line' : tokenIn(js, c.tokenVars);
    if (token === undefined) continue;
    js.wf.rep.add(
      GHA_PUBLISH_TOKEN,
      at(m[0]),
      `${sw} publishes to ${c.registry} with ${token.includes(' ') ? token : `the stored token in $${token.toUpperCase()}`}; ${c.registry} accepts trusted publishing (OIDC), which needs no long-lived token.`,
      `publish-token:${js.where}:${sw}:${c.registry}`,
    );
  }
}

/** Publishing actions given a stored token where they could use trusted publishing. */
export function checkPublishAction(
  js: JobState,
  name: string,
  withNode: YNode | undefined,
  line: number,
  sw: string,
): void {
  let why: string | undefined;
  if (name === 'pypa/gh-action-pypi-publish' && SECRET_REF.test(str(get(withNode, 'password')) ?? ''))
    why = 'passes a stored PyPI token (`password:`)';
  else if (name === 'rubygems/release-gem' && isFalse(get(withNode, 'setup-trusted-publisher')))
    why = 'turns trusted publishing off (`setup-trusted-publisher: false`)';
  else if (name === 'rubygems/configure-rubygems-credentials' && entry(withNode, 'api-token'))
    why = 'configures a stored RubyGems API token (`api-token:`)';
  if (why === undefined) return;
  js.wf.rep.add(
    GHA_PUBLISH_TOKEN,
    js.wf.rep.find(line, line, name.split('/')[0]!),
    `${sw} ${why}; the registry accepts trusted publishing (OIDC) from this workflow instead.`,
    `publish-token:${js.where}:${sw}:${name}`,
  );
}

const NPM_REGISTRY = /^https?:\/\/registry\.npmjs\.org\/?$/i;

/**
 * True when a `JS-DevTools/npm-publish` step publishes with provenance:
 * `provenance: true` in any version (it runs `npm publish --provenance`), or, from v4 (a tag `@v4`, `@v4.1.0`, or a
 * commit whose version comment says so), no `token` input and npm's own registry: the action then publishes by
 * npm's trusted publishing (token optional since v4.1.0), and npm attaches provenance to a trusted publish itself
 * (for a public package from a public repository). A v4.0 tag given no token fails to publish: nothing unattested
 * ships either. With a token, an earlier major, or another registry, it publishes with the stored token as before.
 */
export function npmPublishAttests(
  name: string,
  withNode: YNode | undefined,
  ref: string,
  comment: string | undefined,
): boolean {
  if (name !== 'js-devtools/npm-publish') return false;
  if (isTrue(get(withNode, 'provenance')) || str(get(withNode, 'provenance')) === 'true') return true;
  if ((str(get(withNode, 'token')) ?? '').trim() !== '') return false;
  const registry = str(get(withNode, 'registry'));
  if (registry !== undefined && !NPM_REGISTRY.test(registry.trim())) return false;
  const version = /^v?(\d{1,4})(?:\.|$)/i.exec(ref)?.[1] ?? /^v?(\d{1,4})/i.exec(comment ?? '')?.[1];
  return version !== undefined && Number(version) >= 4;
}
