import type { AnalyzerContext } from '../../core/analyzer.js';
import { secretEngine } from '../secrets/index.js';
import { includesOf, localIncludeExists } from './gitlab-includes.js';
import { imagePinning } from './images.js';
import type { Reporter } from './report.js';
import { HARDCODED_CREDENTIAL } from './rules-gha.js';
import {
  GITLAB_CURL_PIPE,
  GITLAB_INJECTION,
  GITLAB_MR_PROTECTED,
  GITLAB_TOKEN_EXFIL,
  GITLAB_UNPINNED_IMAGE,
  GITLAB_UNPINNED_INCLUDE,
} from './rules-gitlab.js';
import { fetchPipeShell } from './shell.js';
import type { YNode, YScalar } from './yaml.js';
import { entry, get, items, str } from './yaml.js';

const RESERVED = new Set([
  'stages',
  'variables',
  'include',
  'workflow',
  'cache',
  'spec',
  'image',
  'services',
  'before_script',
  'after_script',
  'script',
  'default',
  'pages:deploy',
]);
const SCRIPT_KEYS = ['before_script', 'script', 'after_script'];
const UNTRUSTED_VAR =
  /\$\{?(CI_MERGE_REQUEST_TITLE|CI_MERGE_REQUEST_DESCRIPTION|CI_MERGE_REQUEST_SOURCE_BRANCH_NAME|CI_MERGE_REQUEST_LABELS|CI_MERGE_REQUEST_SQUASH_COMMIT_MESSAGE|CI_COMMIT_MESSAGE|CI_COMMIT_TITLE|CI_COMMIT_DESCRIPTION|CI_COMMIT_TAG_MESSAGE|CI_COMMIT_AUTHOR|CI_COMMIT_BRANCH|CI_COMMIT_REF_NAME|CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME)\b\}?/g;
const INTERPRETS =
  /\beval\b|\b(?:ba|z|da)?sh\s{1,4}-c\b|\bpython[23]?\s{1,4}-c\b|\bnode\s{1,4}-e\b|\bperl\s{1,4}-e\b|\bruby\s{1,4}-e\b|\bpwsh\s{1,4}-c|\bbash\s{1,4}<<<|\bsource\s{1,4}<\(/;
const SECRET_VAR =
  /\$\{?((?!CI_)[A-Z][A-Z0-9_]{0,100}(?:TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|APIKEY|PRIVATE_KEY|ACCESS_KEY|CREDENTIALS?)[A-Z0-9_]{0,40})\b/;
const MR_SOURCE = /merge_request(?:_event|s)\b/;
const SHA = /^[0-9a-f]{40}$/i;

/** Quoting state at `pos`: single-quoted text is never expanded by the shell. */
function quoteAt(line: string, pos: number): 'none' | 'single' | 'double' {
  let q: 'none' | 'single' | 'double' = 'none';
  for (let i = 0; i < pos && i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && q !== 'single') i++;
    else if (c === "'" && q !== 'double') q = q === 'single' ? 'none' : 'single';
    else if (c === '"' && q !== 'single') q = q === 'double' ? 'none' : 'double';
  }
  return q;
}

function scriptLines(n: YNode | undefined, out: YScalar[] = [], depth = 0): YScalar[] {
  if (!n || depth > 10) return out;
  if (n.kind === 'scalar' && typeof n.value === 'string') out.push(n);
  for (const it of items(n)) scriptLines(it, out, depth + 1);
  return out;
}

function checkImage(
  rep: Reporter,
  node: YNode | undefined,
  line: number,
  where: string,
  strict: boolean,
): void {
  const image = str(node) ?? str(get(node, 'name'));
  if (image === undefined || image.includes('$')) return;
  const pin = imagePinning(image);
  // A version tag is the default bar; `strictPinning` asks for digests too.
  if (pin === 'digest' || (pin === 'tag' && !strict)) return;
  rep.add(
    GITLAB_UNPINNED_IMAGE,
    rep.find(line, line, image),
    `${where} uses image ${image} ${pin === 'none' ? 'without a version (latest)' : 'by tag, not by digest'}.`,
    `image:${where}:${image}`,
    pin === 'none' ? {} : { severity: 'low' },
  );
}

/** True when the job runs in merge-request pipelines (its rules, `only:`, or the workflow's rules say so). */
function inMergeRequests(job: YNode, workflowMr: boolean): boolean {
  const rules = get(job, 'rules');
  const only = get(job, 'only');
  if (rules === undefined && only === undefined) return workflowMr;
  const text = JSON.stringify(toPlain(rules)) + JSON.stringify(toPlain(only));
  return MR_SOURCE.test(text);
}

function toPlain(n: YNode | undefined, depth = 0): unknown {
  if (!n || depth > 20) return null;
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map((i) => toPlain(i, depth + 1));
  return Object.fromEntries([...n.entries].map(([k, e]) => [k, toPlain(e.value, depth + 1)]));
}

function checkVariables(rep: Reporter, vars: YNode | undefined, where: string): void {
  if (vars?.kind !== 'map') return;
  for (const [key, e] of vars.entries) {
    const v = str(e.value) ?? str(get(e.value, 'value'));
    if (v === undefined || v.includes('$') || v.trim().length < 8) continue;
    const hit = secretEngine().scan(Buffer.from(`${key}: ${v}`), {
      path: rep.file.path,
      name: rep.file.name,
      ext: 'yml',
      productNames: [],
    })[0];
    if (!hit) continue;
    rep.add(
      HARDCODED_CREDENTIAL,
      rep.key(e.keyLine, key),
      `${where} sets variable ${key} to a literal ${hit.rule.meta.title.toLowerCase()}.`,
      `cred:${where}:${key}`,
      { secret: hit.secret },
    );
  }
}

function checkScripts(
  rep: Reporter,
  holder: YNode,
  where: string,
  tokenNames: Set<string>,
  mr: boolean,
): void {
  for (const key of SCRIPT_KEYS) {
    for (const s of scriptLines(get(holder, key))) {
      let from = s.line;
      for (const line of (s.value as string).split('\n')) {
        const text = line.trim();
        if (text === '' || text.startsWith('#')) continue;
        const here = rep.find(from, Math.max(s.line, s.endLine), text.slice(0, 200));
        if (here.column !== undefined) from = here.line;
        const at = (needle: string) => rep.find(from, from, needle);
        const fetch = fetchPipeShell(text);
        if (fetch !== undefined)
          rep.add(
            GITLAB_CURL_PIPE,
            at(text.slice(0, 60)),
            `${where} ${key} pipes a script downloaded with ${fetch} into an interpreter.`,
            `curl:${where}:${text.slice(0, 200)}`,
          );
        checkInjection(rep, text, at, where, key);
        checkExfil(rep, text, at, where, tokenNames);
        if (mr) {
          const sv = SECRET_VAR.exec(text);
          if (sv)
            rep.add(
              GITLAB_MR_PROTECTED,
              at(sv[0]),
              `${where} runs in merge-request pipelines and uses $${sv[1]}: the merge request's code runs next to it.`,
              `mrsecret:${where}:${sv[1]}`,
              { confidence: 'low', severity: 'medium' },
            );
        }
      }
    }
  }
}

function checkInjection(
  rep: Reporter,
  text: string,
  at: (n: string) => ReturnType<Reporter['find']>,
  where: string,
  key: string,
): void {
  if (!text.includes('CI_')) return;
  UNTRUSTED_VAR.lastIndex = 0;
  for (let m = UNTRUSTED_VAR.exec(text); m; m = UNTRUSTED_VAR.exec(text)) {
    const q = quoteAt(text, m.index);
    if (q === 'single' && !INTERPRETS.test(text)) continue;
    const interprets = INTERPRETS.test(text);
    if (q === 'double' && !interprets) continue;
    rep.add(
      GITLAB_INJECTION,
      at(m[0]),
      `${where} ${key} uses $${m[1]} (set by whoever opens the merge request or pushes the branch) ${interprets ? 'in code that the shell interprets again' : 'unquoted, so it splits into arguments and expands globs'}.`,
      `inject:${where}:${m[1]}`,
      interprets ? {} : { severity: 'medium' },
    );
    return;
  }
}

const URL_HOST = /\bhttps?:\/\/(?:[^\s/@'"]{1,200}@)?([^\s/:'"$]{1,200}|\$\{?[A-Z_]{1,60}\}?)/g;

function checkExfil(
  rep: Reporter,
  text: string,
  at: (n: string) => ReturnType<Reporter['find']>,
  where: string,
  tokenNames: Set<string>,
): void {
  const token =
    /\$\{?(CI_JOB_TOKEN)\b/.exec(text)?.[1] ??
    [...tokenNames].find((t) => new RegExp(`\\$\\{?${t}\\b`).test(text));
  if (token === undefined) return;
  URL_HOST.lastIndex = 0;
  for (let m = URL_HOST.exec(text); m; m = URL_HOST.exec(text)) {
    const host = m[1]!;
    if (host.startsWith('$') || /gitlab/i.test(host)) continue;
    rep.add(
      GITLAB_TOKEN_EXFIL,
      at(host),
      `${where} sends $${token} to ${host}, a host other than this GitLab.`,
      `exfil:${where}:${token}:${host}`,
    );
    return;
  }
}

function checkIncludes(rep: Reporter, root: YNode, ctx: AnalyzerContext): void {
  for (const inc of includesOf(root)) {
    const line = inc.node.line;
    const pos = rep.find(line, line + 4, inc.target.split(':')[0]!);
    if (inc.kind === 'local') {
      if (!inc.target.includes('$') && !localIncludeExists(ctx, inc.target))
        ctx.warn(
          `${rep.file.path} includes ${inc.target}, which is not among the scanned files: it was not analyzed`,
        );
      continue;
    }
    if (inc.kind === 'template') continue; // shipped with GitLab itself
    if (inc.kind === 'remote' && inc.integrity === undefined) {
      rep.add(
        GITLAB_UNPINNED_INCLUDE,
        pos,
        `The pipeline includes ${inc.target} by URL with no \`integrity:\` hash: whoever controls that server changes your pipeline.`,
        `include:${inc.target}`,
        { severity: 'high' },
      );
    } else if (inc.kind === 'project' && (inc.ref === undefined || !SHA.test(inc.ref))) {
      rep.add(
        GITLAB_UNPINNED_INCLUDE,
        inc.ref === undefined ? pos : rep.find(line, line + 6, inc.ref),
        `The pipeline includes ${inc.target} ${inc.ref === undefined ? 'from its default branch' : `at ${inc.ref}, a branch or tag`}, not at a commit SHA.`,
        `include:${inc.target}`,
        inc.ref !== undefined && /^v?\d/.test(inc.ref) ? { severity: 'low' } : {},
      );
    } else if (inc.kind === 'component') {
      const ver = inc.target.includes('@') ? inc.target.slice(inc.target.lastIndexOf('@') + 1) : '';
      if (!SHA.test(ver))
        rep.add(
          GITLAB_UNPINNED_INCLUDE,
          pos,
          `The pipeline uses component ${inc.target} ${ver === '' ? 'without a version' : `at ${ver}, which is not a commit SHA`}.`,
          `include:${inc.target}`,
          /^\d+\.\d+\.\d+$/.test(ver) ? { severity: 'low' } : {},
        );
    }
    ctx.warn(
      `${rep.file.path} includes ${inc.kind} ${inc.target}: its content is outside the repository and was not analyzed`,
    );
  }
}

/** Checks one GitLab CI configuration document (a root `.gitlab-ci.yml` or an included file). */
export function checkGitlab(rep: Reporter, root: YNode, ctx: AnalyzerContext, strict: boolean): void {
  if (root.kind !== 'map') return;
  checkIncludes(rep, root, ctx);
  const workflowMr = MR_SOURCE.test(JSON.stringify(toPlain(get(get(root, 'workflow'), 'rules'))));
  const img = entry(root, 'image');
  if (img) checkImage(rep, img.value, img.keyLine, 'the pipeline', strict);
  for (const s of items(get(root, 'services'))) checkImage(rep, s, s.line, 'the pipeline service', strict);
  checkVariables(rep, get(root, 'variables'), 'the pipeline');
  for (const [key, e] of root.entries) {
    if (RESERVED.has(key) && key !== 'default') continue;
    const job = e.value;
    if (job.kind !== 'map') continue;
    const where = key === 'default' ? 'default' : `job ${key}`;
    const jimg = entry(job, 'image');
    if (jimg)
      checkImage(
        rep,
        jimg.value,
        jimg.value.kind === 'map' ? (entry(jimg.value, 'name')?.keyLine ?? jimg.keyLine) : jimg.keyLine,
        where,
        strict,
      );
    for (const s of items(get(job, 'services')))
      checkImage(
        rep,
        s,
        s.kind === 'map' ? (entry(s, 'name')?.keyLine ?? s.line) : s.line,
        `${where} service`,
        strict,
      );
    checkVariables(rep, get(job, 'variables'), where);
    const idTokens = get(job, 'id_tokens');
    const tokenNames = new Set(idTokens?.kind === 'map' ? idTokens.entries.keys() : []);
    const mr = key !== 'default' && inMergeRequests(job, workflowMr);
    if (mr) {
      for (const k of ['secrets', 'id_tokens']) {
        const se = entry(job, k);
        if (se)
          rep.add(
            GITLAB_MR_PROTECTED,
            rep.key(se.keyLine, k),
            `${where} runs in merge-request pipelines and requests ${k === 'secrets' ? 'external secrets' : 'OIDC tokens'}: the merge request's code can read them.`,
            `mrsecret:${where}:${k}`,
          );
      }
    }
    checkScripts(rep, job, where, tokenNames, mr);
  }
  checkScripts(rep, root, 'the pipeline', new Set(), false);
}
