// Line-by-line checks of a workflow step's `run:` script: downloads piped into a shell, ad-hoc installs,
// workflow commands, writes to the environment files, secrets printed to the log, pull request checkouts
// in privileged workflows and publish commands. Split from gha-steps.ts, which walks the steps.
import type { Severity } from '../../core/finding.js';
import { CHECKOUT_COMMAND, taintedExpressions, type Taint } from './expressions.js';
import { SECRET_TRIGGERS } from './gha-scope.js';
import { checkPublishLine } from './gha-publish-token.js';
import type { JobState } from './gha-steps.js';
import { ATTEST_COMMAND, OIDC_COMMAND, PUBLISH_COMMAND } from './known-actions.js';
import type { Pos } from './report.js';
import {
  GHA_ADHOC_INSTALL,
  GHA_ARTIFACT_POISONING,
  GHA_CURL_PIPE,
  GHA_DANGEROUS_TRIGGER,
  GHA_DEPRECATED_COMMANDS,
  GHA_ENV_INJECTION,
  GHA_INSECURE_COMMANDS,
  GHA_SECRET_EXPOSURE,
} from './rules-gha.js';
import { adhocInstall, fetchPipeShell } from './shell.js';
import type { YScalar } from './yaml.js';

// `name=value`, `export name=value`, `local name=value` at the start of a script line.
const ASSIGNMENT = /^(?:(?:export|local|readonly|declare(?:\s+-\w+)*)\s+)?([A-Za-z_]\w{0,100})=(.*)$/;

const ENV_FILE = /\b(GITHUB_ENV|GITHUB_PATH|GITHUB_OUTPUT)\b/;
const WRITES = />>?|\btee\b|Out-File|Add-Content|Set-Content/;
const VAR_REF = /\$\{?([A-Za-z_][A-Za-z0-9_]{0,100})\}?|\$env:([A-Za-z_][A-Za-z0-9_]{0,100})/;
const PRINTS = /\b(?:echo|printf|Write-Host|Write-Output|print|console\.log|cat)\b/;
const LEAKY_PIPE = /\|\s{0,4}(?:base64|xxd|od|rev|tee|sed|tr|awk|cut)\b/;
const SECRET_EXPR = /\$\{\{\s{0,4}secrets\.[\w-]{1,100}\s{0,4}\}\}/;

export function severityFor(js: JobState, t: Taint): Severity {
  if (t.level === 'medium') return 'medium';
  return [...js.wf.triggers.keys()].some((k) => SECRET_TRIGGERS.has(k)) ? 'critical' : 'high';
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
export function checkScriptLines(js: JobState, run: YScalar, sw: string, stepId: string | undefined): void {
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
