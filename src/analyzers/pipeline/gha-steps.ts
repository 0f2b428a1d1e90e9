import { secretEngine } from '../secrets/index.js';
import {
  UNTRUSTED_REF,
  exprTaint,
  taintedExpressions,
  type StepTaint,
  type Taint,
  type TaintScope,
} from './expressions.js';
import { envSecrets, envTaint, type Wf } from './gha-scope.js';
import { checkUses } from './gha-uses.js';
import {
  ATTEST_ACTIONS,
  CACHE_ACTIONS,
  CODE_INPUTS,
  OIDC_ACTIONS,
  PUBLISH_ACTIONS,
  TAINTED_OUTPUTS,
} from './known-actions.js';
import type { Pos } from './report.js';
import {
  GHA_ARTIFACT_POISONING,
  GHA_DANGEROUS_TRIGGER,
  GHA_INJECTION,
  GHA_INSECURE_COMMANDS,
  GHA_PERSIST_CREDS,
  HARDCODED_CREDENTIAL,
} from './rules-gha.js';
import { checkScriptLines, severityFor } from './gha-script.js';
import { checkPublishAction, npmPublishAttests } from './gha-publish-token.js';
import type { YEntry, YNode } from './yaml.js';
import { entry, get, isFalse, isTrue, str } from './yaml.js';

/** What the steps of one job (or composite action) share while they are checked in order. */
export interface JobState {
  wf: Wf;
  jobId: string;
  where: string;
  scope: TaintScope;
  /** Tainted step outputs found so far (the scope sees them). */
  steps: Map<string, StepTaint>;
  secretEnv: Set<string>;
  shell: string;
  /** The job runs with secrets or a write token next to attacker-controlled input. */
  privileged: boolean;
  /** True when a step or the condition guards against forks (`head.repo.full_name == github.repository`). */
  sameRepoGuard: boolean;
  persistingCheckout?: number;
  publishes: { pos: Pos; what: string }[];
  caches: { pos: Pos; what: string }[];
  usesOidc: boolean;
  /** npm's provenance switch as the job's or the workflow's env sets it (provenanceEnv). */
  provenance?: boolean;
  /** Shell variables of the script being checked that hold tainted data (`msg=$(echo "$TITLE" | …)`). */
  scriptVars?: Map<string, Taint>;
}

const SAME_REPO =
  /head\.repo\.full_name\s{0,4}==\s{0,4}(?:github\.repository\b|github\.event\.pull_request\.base\.repo\.full_name)|(?:github\.repository|base\.repo\.full_name)\s{0,4}==\s{0,4}github\.event\.pull_request\.head\.repo\.full_name|head\.repo\.fork\s{0,4}==\s{0,4}false|!\s{0,4}github\.event\.pull_request\.head\.repo\.fork/;

/**
 * npm's provenance switch in an env block, `NPM_CONFIG_PROVENANCE: true` (npm reads the lower-case name too):
 * an npm publish under it, the step's own or a release tool's such as semantic-release, signs its provenance
 * statement with the job's OIDC token. Undefined when the block does not set it, so a narrower block decides.
 */
export function provenanceEnv(env: YNode | undefined): boolean | undefined {
  if (env?.kind !== 'map') return undefined;
  for (const [key, e] of env.entries)
    if (key.toUpperCase() === 'NPM_CONFIG_PROVENANCE') return isTrue(e.value);
  return undefined;
}

/** True when a condition only lets the same repository (not forks) through. */
export function guardsForks(cond: YNode | undefined): boolean {
  return SAME_REPO.test(str(cond) ?? '');
}

const WORKSPACE_PATH =
  /^(?:\.\/?|\*{1,2}|\.git(?:\/.{0,200})?|\$\{\{\s{0,4}github\.workspace\s{0,4}\}\}\/?)$/;
const CRED_KEY =
  /(?:^|[_-])(?:password|passwd|token|secret|api[_-]?key|apikey|private[_-]?key|access[_-]?key|credentials?)$/i;

function actionName(uses: string): string {
  const at = uses.lastIndexOf('@');
  return (at >= 0 ? uses.slice(0, at) : uses).toLowerCase().replace(/\/+$/, '');
}

function short(name: string): string {
  return name.split('/').slice(0, 2).join('/');
}

/** Reports tainted expressions of a code-executing value (`run:`, `script:`, a code input). */
function checkSink(js: JobState, node: YNode | undefined, sw: string, sink: string): void {
  if (node?.kind !== 'scalar' || typeof node.value !== 'string') return;
  for (const { expr, taint } of taintedExpressions(node.value, js.scope)) {
    js.wf.rep.add(
      GHA_INJECTION,
      js.wf.rep.find(node.line, node.endLine, expr.text),
      `${sw} expands ${expr.text.replace(/\s+/g, ' ')} into ${sink}: ${taint.context} is attacker-controlled and becomes code.`,
      `inject:${js.where}:${sw}:${expr.text}`,
      { severity: severityFor(js, taint), ...(taint.level === 'medium' ? { confidence: 'medium' } : {}) },
    );
  }
}

/** Step outputs of well-known actions that carry attacker-chosen text (file and branch names). */
function taintFromAction(js: JobState, name: string, stepId: string | undefined): void {
  if (stepId === undefined) return;
  const re = TAINTED_OUTPUTS.get(short(name));
  if (re)
    js.steps.set(`${stepId.toLowerCase()}.*`, {
      context: `the outputs of ${short(name)} (names chosen by the pull request author)`,
      level: 'high',
      outputs: re,
    });
}

function checkCredentials(js: JobState, holder: YNode | undefined, sw: string, what: string): void {
  if (holder?.kind !== 'map') return;
  for (const [key, e] of holder.entries) {
    const v = str(e.value);
    if (v === undefined || v.includes('${{') || v.trim().length < 8) continue;
    // The engine only for credential-named keys or token-shaped values (no spaces): most inputs are neither.
    if (!CRED_KEY.test(key) && /\s/.test(v.trim())) continue;
    const line = `${key}: ${v}`;
    const hits = secretEngine().scan(Buffer.from(line), {
      path: js.wf.file.path,
      name: js.wf.file.name,
      ext: 'yml',
      productNames: [],
    });
    const hit = hits[0];
    if (!hit && !(CRED_KEY.test(key) && /password|passwd/i.test(key) && /^\S+$/.test(v))) continue;
    const secret = hit?.secret ?? v;
    js.wf.rep.add(
      HARDCODED_CREDENTIAL,
      js.wf.rep.key(e.keyLine, key),
      `${sw} sets ${what} \`${key}\` to a literal ${hit ? hit.rule.meta.title.toLowerCase() : 'password'}.`,
      `cred:${js.where}:${sw}:${key}`,
      { secret },
    );
  }
}

/** Checks one step of a job or composite action, in order (earlier steps taint later ones). */
export function checkStep(js: JobState, step: YNode, index: number): void {
  const wf = js.wf;
  const id = str(get(step, 'id'));
  const sw = `${js.where} step ${str(get(step, 'name')) ?? id ?? index + 1}`;
  const stepEnv = get(step, 'env');
  const scope: TaintScope = {
    ...js.scope,
    env: envTaint(stepEnv, js.scope, new Map(js.scope.env)),
    steps: js.steps,
  };
  const local: JobState = { ...js, scope, secretEnv: envSecrets(stepEnv, new Set(js.secretEnv)) };
  const guarded = js.sameRepoGuard || guardsForks(get(step, 'if'));
  checkCredentials(local, stepEnv, sw, 'env');
  if (
    entry(stepEnv, 'ACTIONS_ALLOW_UNSECURE_COMMANDS') &&
    !isFalse(get(stepEnv, 'ACTIONS_ALLOW_UNSECURE_COMMANDS'))
  )
    wf.rep.add(
      GHA_INSECURE_COMMANDS,
      wf.rep.key(
        entry(stepEnv, 'ACTIONS_ALLOW_UNSECURE_COMMANDS')!.keyLine,
        'ACTIONS_ALLOW_UNSECURE_COMMANDS',
      ),
      `${sw} sets ACTIONS_ALLOW_UNSECURE_COMMANDS.`,
      `insecure:${js.where}:${sw}`,
    );

  const run = get(step, 'run');
  if (run?.kind === 'scalar' && typeof run.value === 'string') {
    const shell = str(get(step, 'shell')) ?? js.shell;
    checkSink(local, run, sw, `its ${shell.split(/\s/)[0]} script (run:)`);
    // The script's own state: a command that asks for the OIDC token (`npm publish --provenance`, cosign) is
    // recorded on it, and must reach the job.
    const script: JobState = { ...local, sameRepoGuard: guarded };
    checkScriptLines(script, run, sw, id);
    js.usesOidc ||= script.usesOidc;
    if (provenanceEnv(stepEnv) ?? js.provenance) js.usesOidc = true;
  }

  const usesE = entry(step, 'uses');
  const uses = str(usesE?.value) ?? '';
  if (!usesE) return;
  checkUses(wf, usesE, sw);
  const name = uses.startsWith('docker://') ? 'docker://' : actionName(uses);
  const action = short(name);
  const withNode = get(step, 'with');
  for (const input of CODE_INPUTS.get(name) ?? CODE_INPUTS.get(action) ?? []) {
    const e =
      withNode?.kind === 'map'
        ? [...withNode.entries.values()].find((x) => x.key.toLowerCase() === input)
        : undefined;
    if (e)
      checkSink(
        local,
        e.value,
        sw,
        action === 'actions/github-script'
          ? 'the JavaScript of actions/github-script (script:)'
          : `the \`${e.key}\` input of ${action}, which runs it as code`,
      );
  }
  checkCredentials(local, withNode, sw, 'input');
  taintFromAction(js, name, id);
  if (OIDC_ACTIONS.some((a) => name === a || name.startsWith(`${a}/`))) js.usesOidc = true;
  const pypiToken =
    name === 'pypa/gh-action-pypi-publish' &&
    (entry(withNode, 'password') !== undefined || isFalse(get(withNode, 'attestations')));
  if (ATTEST_ACTIONS.some((a) => name === a || name.startsWith(`${a}/`)) && !pypiToken) wf.attests = true;
  const used = wf.uses.at(-1);
  if (used !== undefined && npmPublishAttests(name, withNode, used.ref, used.comment)) wf.attests = true;
  checkPublishAction(local, name, withNode, usesE.value.line || usesE.keyLine, sw);

  if (action === 'actions/checkout') checkCheckout(js, step, usesE, withNode, sw, guarded);
  if (action === 'actions/upload-artifact' && js.persistingCheckout !== undefined) {
    const path = str(get(withNode, 'path')) ?? '';
    if (path.split('\n').some((p) => WORKSPACE_PATH.test(p.trim()))) {
      wf.rep.add(
        GHA_PERSIST_CREDS,
        wf.rep.find(js.persistingCheckout, js.persistingCheckout, 'actions/checkout'),
        `${js.where} checks out with persisted credentials (the token in .git/config) and later uploads the workspace (${path.trim()}) as an artifact.`,
        `persist:${js.jobId}`,
      );
      js.persistingCheckout = undefined;
    }
  }
  if (
    wf.privileged === 'workflow_run' &&
    (name === 'actions/download-artifact' || action === 'dawidd6/action-download-artifact')
  ) {
    const fromRun =
      action === 'dawidd6/action-download-artifact' ||
      entry(withNode, 'run-id') !== undefined ||
      entry(withNode, 'github-token') !== undefined;
    const path = str(get(withNode, 'path')) ?? '';
    if (fromRun && !/runner\.temp|^\/tmp\//.test(path))
      wf.rep.add(
        GHA_ARTIFACT_POISONING,
        wf.rep.find(usesE.value.line, usesE.value.line, action),
        `${sw} downloads artifacts of the triggering (untrusted) run into ${path === '' ? 'the workspace' : path} with ${action}.`,
        `artifact:${js.where}:${sw}`,
      );
  }
  const cache = CACHE_ACTIONS.get(name);
  if (cache) {
    const input = cache.input !== undefined ? get(withNode, cache.input) : undefined;
    const v = str(input);
    // Action inputs arrive as strings: the actions read `yes`, `1` and `true` alike.
    const truthy = (n: YNode | undefined): boolean => isTrue(n) || /^(?:yes|y|on|1)$/i.test(str(n) ?? '');
    const on =
      // `lookup-only` checks that an entry exists and restores nothing.
      (cache.mode === 'always' && !truthy(get(withNode, 'lookup-only'))) ||
      (cache.mode === 'opt-in' && v !== undefined && v !== '' && !isFalse(input)) ||
      (cache.mode === 'opt-out' &&
        !(cache.input === 'cache-disabled' || cache.input === 'ignore-cache'
          ? truthy(input)
          : isFalse(input)));
    if (on)
      js.caches.push({
        pos: wf.rep.find(usesE.value.line, usesE.value.line, action),
        what: `${sw} (${action})`,
      });
  }
  const publish = PUBLISH_ACTIONS.get(name);
  if (publish !== undefined) {
    const pushes = name !== 'docker/build-push-action' || isTrue(get(withNode, 'push'));
    const noProvenance = name === 'docker/build-push-action' && isFalse(get(withNode, 'provenance'));
    if (
      (pushes && !['docker/build-push-action', 'pypa/gh-action-pypi-publish'].includes(name)) ||
      noProvenance ||
      pypiToken
    )
      js.publishes.push({
        pos: wf.rep.find(usesE.value.line, usesE.value.line, action),
        what: pypiToken
          ? `${publish} with a long-lived token or without attestations`
          : noProvenance
            ? `${publish} with provenance turned off`
            : publish,
      });
  }
}

function checkCheckout(
  js: JobState,
  step: YNode,
  usesE: YEntry,
  withNode: YNode | undefined,
  sw: string,
  guarded: boolean,
): void {
  const wf = js.wf;
  const untrusted = ['ref', 'repository']
    .map((k) => entry(withNode, k))
    .find((e) => e !== undefined && UNTRUSTED_REF.test(str(e.value) ?? ''));
  if (wf.privileged && untrusted && !guarded) {
    const ref = str(untrusted.value) ?? '';
    wf.rep.add(
      GHA_DANGEROUS_TRIGGER,
      wf.rep.find(untrusted.keyLine, untrusted.keyLine, ref),
      `${sw} checks out ${ref} (the untrusted pull request code) in a ${wf.privileged} workflow, which has a write token and secrets.`,
      `trigger:${js.jobId}:${ref}`,
    );
  }
  if (!isFalse(get(withNode, 'persist-credentials')) && js.persistingCheckout === undefined)
    js.persistingCheckout = usesE.value.line;
  void step;
}

/** The taint of a job's outputs (`jobs.<id>.outputs`), for jobs that need it. */
export function jobOutputTaint(
  outputs: YNode | undefined,
  scope: TaintScope,
  jobId: string,
  into: Map<string, Taint>,
): void {
  if (outputs?.kind !== 'map') return;
  for (const [name, e] of outputs.entries) {
    const v = str(e.value) ?? '';
    for (const m of v.matchAll(/\$\{\{([\s\S]{0,2000}?)\}\}/g)) {
      const t = exprTaint(m[1]!, scope);
      if (t) into.set(`${jobId}.${name}`.toLowerCase(), t);
    }
  }
}
