import type { Severity } from '../../core/finding.js';
import { secretEngine } from '../secrets/index.js';
import {
  CHECKOUT_COMMAND,
  UNTRUSTED_REF,
  exprTaint,
  taintedExpressions,
  type StepTaint,
  type Taint,
  type TaintScope,
} from './expressions.js';
import { SECRET_TRIGGERS, envSecrets, envTaint, type Wf } from './gha-scope.js';
import { checkUses } from './gha-uses.js';
import {
  ATTEST_ACTIONS,
  ATTEST_COMMAND,
  CACHE_ACTIONS,
  CODE_INPUTS,
  OIDC_ACTIONS,
  OIDC_COMMAND,
  PUBLISH_ACTIONS,
  PUBLISH_COMMAND,
  TAINTED_OUTPUTS,
} from './known-actions.js';
import type { Pos } from './report.js';
import {
  GHA_ADHOC_INSTALL,
  GHA_ARTIFACT_POISONING,
  GHA_CURL_PIPE,
  GHA_DANGEROUS_TRIGGER,
  GHA_DEPRECATED_COMMANDS,
  GHA_ENV_INJECTION,
  GHA_INJECTION,
  GHA_INSECURE_COMMANDS,
  GHA_PERSIST_CREDS,
  GHA_SECRET_EXPOSURE,
  HARDCODED_CREDENTIAL,
} from './rules-gha.js';
import { adhocInstall, fetchPipeShell } from './shell.js';
import { checkPublishAction, checkPublishLine } from './gha-publish-token.js';
import type { YEntry, YNode, YScalar } from './yaml.js';
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
  /** Shell variables of the script being checked that hold tainted data (`msg=$(echo "$TITLE" | …)`). */
  scriptVars?: Map<string, Taint>;
}

// `name=value`, `export name=value`, `local name=value` at the start of a script line.
const ASSIGNMENT = /^(?:(?:export|local|readonly|declare(?:\s+-\w+)*)\s+)?([A-Za-z_]\w{0,100})=(.*)$/;

const SAME_REPO =
  /head\.repo\.full_name\s{0,4}==\s{0,4}(?:github\.repository\b|github\.event\.pull_request\.base\.repo\.full_name)|(?:github\.repository|base\.repo\.full_name)\s{0,4}==\s{0,4}github\.event\.pull_request\.head\.repo\.full_name|head\.repo\.fork\s{0,4}==\s{0,4}false|!\s{0,4}github\.event\.pull_request\.head\.repo\.fork/;

/** True when a condition only lets the same repository (not forks) through. */
export function guardsForks(cond: YNode | undefined): boolean {
  return SAME_REPO.test(str(cond) ?? '');
}

const ENV_FILE = /\b(GITHUB_ENV|GITHUB_PATH|GITHUB_OUTPUT)\b/;
const WRITES = />>?|\btee\b|Out-File|Add-Content|Set-Content/;
const VAR_REF = /\$\{?([A-Za-z_][A-Za-z0-9_]{0,100})\}?|\$env:([A-Za-z_][A-Za-z0-9_]{0,100})/;
const PRINTS = /\b(?:echo|printf|Write-Host|Write-Output|print|console\.log|cat)\b/;
const LEAKY_PIPE = /\|\s{0,4}(?:base64|xxd|od|rev|tee|sed|tr|awk|cut)\b/;
const SECRET_EXPR = /\$\{\{\s{0,4}secrets\.[\w-]{1,100}\s{0,4}\}\}/;
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

function severityFor(js: JobState, t: Taint): Severity {
  if (t.level === 'medium') return 'medium';
  return [...js.wf.triggers.keys()].some((k) => SECRET_TRIGGERS.has(k)) ? 'critical' : 'high';
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

/** Shell variables a line reads (`$X`, `${X}`, `$env:X`). */
function varNames(line: string): string[] {
  // matchAll copies lastIndex from its regex: a fresh one each time keeps calls independent.
  return [...line.matchAll(new RegExp(VAR_REF.source, 'g'))].map((m) => m[1] ?? m[2]!);
}

function varsTainted(line: string, js: JobState): { name: string; taint: Taint } | undefined {
  for (const name of varNames(line)) {
    const t = js.scope.env.get(name.toLowerCase()) ?? js.scriptVars?.get(name);
    if (t) return { name, taint: t };
  }
  return undefined;
}

/** Line-by-line checks of a `run:` script. */
function checkScriptLines(js: JobState, run: YScalar, sw: string, stepId: string | undefined): void {
  const rep = js.wf.rep;
  const text = run.value as string;
  const lines = text.split('\n');
  let from = run.line;
  js.scriptVars = new Map();
  for (const raw of lines) {
    const l = raw.trim();
    if (l === '' || l.startsWith('#')) continue;
    // A variable assigned from tainted data carries the taint to the lines that use it.
    const assign = ASSIGNMENT.exec(l);
    if (assign) {
      const t = taintedExpressions(assign[2]!, js.scope)[0]?.taint ?? varsTainted(assign[2]!, js)?.taint;
      if (t) js.scriptVars.set(assign[1]!, t);
      else js.scriptVars.delete(assign[1]!);
    }
    // Lines of the script map to lines of the file in order: search each from where the last one was.
    const here = rep.find(from, run.endLine, l.slice(0, 200));
    if (here.column !== undefined) from = here.line;
    const at = (needle: string): Pos => rep.find(from, from, needle);
    const fetch = fetchPipeShell(l);
    if (fetch !== undefined)
      rep.add(
        GHA_CURL_PIPE,
        at(l.slice(0, 60)),
        `${sw} pipes a script downloaded with ${fetch} into an interpreter.`,
        `curl:${js.where}:${sw}`,
      );
    const install = adhocInstall(l);
    if (install !== undefined)
      rep.add(
        GHA_ADHOC_INSTALL,
        at(install.split(' ')[0]!),
        `${sw} runs \`${l.slice(0, 120)}\`: packages fetched outside any lockfile${js.privileged ? ' in a job with secrets or a write token' : ''}.`,
        `adhoc:${js.where}:${l.slice(0, 200)}`,
        js.privileged ? {} : { severity: 'low' },
      );
    const cmd = /::(set-output|save-state|set-env|add-path)\b/.exec(l);
    if (cmd)
      rep.add(
        cmd[1] === 'set-env' || cmd[1] === 'add-path' ? GHA_INSECURE_COMMANDS : GHA_DEPRECATED_COMMANDS,
        at(`::${cmd[1]}`),
        `${sw} uses the \`::${cmd[1]}\` workflow command${cmd[1] === 'set-env' || cmd[1] === 'add-path' ? ', which log output can forge' : ', deprecated because log output can forge it'}.`,
        `cmd:${js.where}:${sw}:${cmd[1]}`,
      );
    if (l.includes('ACTIONS_ALLOW_UNSECURE_COMMANDS') && /true/i.test(l))
      rep.add(
        GHA_INSECURE_COMMANDS,
        at('ACTIONS_ALLOW_UNSECURE_COMMANDS'),
        `${sw} enables ACTIONS_ALLOW_UNSECURE_COMMANDS for later steps.`,
        `insecure:${js.where}:${sw}`,
      );
    const file = ENV_FILE.exec(l);
    if (file && WRITES.test(l)) checkEnvFileWrite(js, l, file[1]!, at(file[1]!), sw, stepId);
    if (PRINTS.test(l) && !file) {
      const secretRef =
        SECRET_EXPR.exec(l)?.[0] ?? varNames(l).find((v) => js.secretEnv.has(v.toLowerCase()));
      const pipe = l.indexOf('|', l.search(PRINTS));
      if (
        secretRef !== undefined &&
        (pipe < 0 || LEAKY_PIPE.test(l)) &&
        !/--password-stdin|\|\s{0,4}(?:gpg|docker|helm|oras|podman|skopeo)\b/.test(l)
      )
        rep.add(
          GHA_SECRET_EXPOSURE,
          at(secretRef),
          `${sw} ${/>\s{0,4}[^&\s]/.test(l) ? 'writes' : 'prints'} the secret ${secretRef} ${/>\s{0,4}[^&\s]/.test(l) ? 'to a file' : 'to the log'}${LEAKY_PIPE.test(l) ? ' transformed, so log masking misses it' : ''}.`,
          `leak:${js.where}:${sw}:${secretRef}`,
        );
    }
    if (js.wf.privileged && !js.sameRepoGuard) {
      const m = CHECKOUT_COMMAND.exec(l);
      if (m)
        rep.add(
          GHA_DANGEROUS_TRIGGER,
          at(m[0].slice(0, 12)),
          `${sw} fetches the pull request head in a ${js.wf.privileged} workflow, then runs with its write token and secrets.`,
          `trigger:${js.where}:run`,
        );
      if (/\bgh\s{1,4}run\s{1,4}download\b/.test(l))
        rep.add(
          GHA_ARTIFACT_POISONING,
          at('gh'),
          `${sw} downloads artifacts of the triggering run into the workspace.`,
          `artifact:${js.where}:${sw}`,
        );
    }
    const publish = PUBLISH_COMMAND.exec(l);
    if (publish && !/--dry-run/.test(l))
      js.publishes.push({ pos: at(publish[0]), what: `runs \`${publish[0]}\`` });
    checkPublishLine(js, l, at, sw);
    if (OIDC_COMMAND.test(l)) js.usesOidc = true;
    if (ATTEST_COMMAND.test(l)) js.wf.attests = true;
  }
}

function checkEnvFileWrite(
  js: JobState,
  line: string,
  file: string,
  pos: Pos,
  sw: string,
  stepId: string | undefined,
): void {
  const exprs = taintedExpressions(line, js.scope);
  const viaVar = varsTainted(line, js);
  const taint = exprs[0]?.taint ?? viaVar?.taint;
  if (file === 'GITHUB_OUTPUT') {
    if (!taint) return;
    if (stepId !== undefined) {
      const name = /([A-Za-z_][\w-]{0,100})=/.exec(line)?.[1] ?? '*';
      js.steps.set(`${stepId}.${name}`.toLowerCase(), { context: taint.context, level: taint.level });
    }
    if (viaVar && !line.includes('<<'))
      js.wf.rep.add(
        GHA_ENV_INJECTION,
        pos,
        `${sw} writes $${viaVar.name} (${viaVar.taint.context}) to $GITHUB_OUTPUT: a newline in it forges other outputs.`,
        `envfile:${js.where}:${sw}:${file}`,
        { severity: 'medium' },
      );
    return;
  }
  if (taint) {
    js.wf.rep.add(
      GHA_ENV_INJECTION,
      pos,
      `${sw} writes ${viaVar ? `$${viaVar.name} (${taint.context})` : taint.context} to $${file}: ${file === 'GITHUB_PATH' ? 'it decides which programs later steps run' : 'a crafted value sets variables such as LD_PRELOAD or NODE_OPTIONS for every later step'}.`,
      `envfile:${js.where}:${sw}:${file}`,
      { severity: severityFor(js, taint) === 'critical' ? 'critical' : 'high' },
    );
  } else {
    // A composite action runs inside whatever job calls it, privileged ones included: any variable data
    // it writes there is as dangerous as a privileged workflow writing the output of a command.
    const data = line.replace(
      /\$\{?GITHUB_(?:ENV|PATH)\}?|\$env:GITHUB_(?:ENV|PATH)|%GITHUB_(?:ENV|PATH)%/g,
      '',
    );
    const computed = /\$\(|`|\bcat\s|<\s{0,4}[\w./$]/.test(data);
    const variable = /\$\{?[A-Za-z_]|\$env:[A-Za-z_]|%[A-Za-z_]\w{0,100}%/.test(data);
    const where =
      js.wf.kind === 'action'
        ? "a composite action, which runs in its callers' jobs"
        : `a ${js.wf.privileged} workflow`;
    if ((js.wf.privileged && computed) || (js.wf.kind === 'action' && (computed || variable)))
      js.wf.rep.add(
        GHA_ENV_INJECTION,
        pos,
        `${sw} writes computed data to $${file} in ${where}, where the data may come from an untrusted run, pull request or input.`,
        `envfile:${js.where}:${sw}:${file}`,
        { severity: 'medium', confidence: 'low' },
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
    checkScriptLines({ ...local, sameRepoGuard: guarded }, run, sw, id);
    js.usesOidc ||= local.usesOidc;
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
