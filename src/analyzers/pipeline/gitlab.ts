import type { SourceFile } from '../../core/analyzer.js';
import type { Reporter } from '../iac/common.js';
import { parseImageRef } from '../iac/image-ref.js';
import { isFetchPipeShell } from '../iac/shell.js';
import type { YNode, YScalar } from '../../parse/yaml/tree.js';
import { entry, get, items, str } from '../../parse/yaml/tree.js';
import { GITLAB_CURL_PIPE, GITLAB_INJECTION, GITLAB_UNPINNED_IMAGE } from './rules.js';

const RESERVED = new Set(['stages', 'variables', 'include', 'workflow', 'cache', 'spec']);
const SCRIPT_KEYS = ['before_script', 'script', 'after_script'];
const UNTRUSTED_VAR =
  /\$\{?(CI_MERGE_REQUEST_TITLE|CI_MERGE_REQUEST_DESCRIPTION|CI_MERGE_REQUEST_SOURCE_BRANCH_NAME|CI_MERGE_REQUEST_LABELS|CI_COMMIT_MESSAGE|CI_COMMIT_TITLE|CI_COMMIT_DESCRIPTION|CI_COMMIT_TAG_MESSAGE|CI_COMMIT_AUTHOR|CI_COMMIT_BRANCH|CI_COMMIT_REF_NAME|CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME)\b\}?/g;
const INTERPRETS =
  /\beval\b|\b(?:ba|z|da)?sh\s{1,4}-c\b|\bpython[23]?\s{1,4}-c\b|\bnode\s{1,4}-e\b|\bperl\s{1,4}-e\b|\bruby\s{1,4}-e\b|\bpwsh\s{1,4}-c/;

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

function checkImage(rep: Reporter, node: YNode | undefined, line: number, where: string): void {
  const image = str(node) ?? str(get(node, 'name'));
  if (image === undefined || image.includes('$')) return;
  const ref = parseImageRef(image);
  if (ref.digest === undefined && (ref.tag === undefined || ref.tag === 'latest')) {
    rep.add(
      GITLAB_UNPINNED_IMAGE,
      line,
      `${where} uses image ${image} ${ref.tag === 'latest' ? 'tagged latest' : 'without a tag or digest'}.`,
      `image:${where}:${ref.name}`,
    );
  }
}

function checkScripts(rep: Reporter, file: SourceFile, holder: YNode, where: string): void {
  const lines = file.lines();
  for (const key of SCRIPT_KEYS) {
    for (const s of scriptLines(get(holder, key))) {
      const text = s.value as string;
      if (isFetchPipeShell(text))
        rep.add(
          GITLAB_CURL_PIPE,
          s.line,
          `${where} ${key} pipes a downloaded script into an interpreter.`,
          `curl:${where}:${text.slice(0, 200)}`,
        );
      if (!text.includes('CI_')) continue;
      UNTRUSTED_VAR.lastIndex = 0;
      for (let m = UNTRUSTED_VAR.exec(text); m; m = UNTRUSTED_VAR.exec(text)) {
        const q = quoteAt(text, m.index);
        if (q === 'single') continue;
        const interprets = INTERPRETS.test(text);
        if (q === 'double' && !interprets) continue;
        let line = s.line;
        for (let l = s.line; l <= Math.max(s.line, s.endLine); l++)
          if (lines[l - 1]?.includes(m[0])) {
            line = l;
            break;
          }
        rep.add(
          GITLAB_INJECTION,
          line,
          `${where} ${key} uses $${m[1]} ${interprets ? 'in code that the shell interprets again' : 'unquoted'}.`,
          `inject:${where}:${m[1]}`,
          interprets ? {} : { severity: 'medium' },
        );
        break;
      }
    }
  }
}

/** Checks one GitLab CI configuration document. */
export function checkGitlab(rep: Reporter, file: SourceFile, root: YNode): void {
  if (root.kind !== 'map') return;
  for (const [key, e] of root.entries) {
    if (RESERVED.has(key)) continue;
    if (key === 'image') {
      checkImage(rep, e.value, e.keyLine, 'the pipeline');
      continue;
    }
    if (key === 'services') {
      for (const s of items(e.value)) checkImage(rep, s, s.line, 'the pipeline service');
      continue;
    }
    if (SCRIPT_KEYS.includes(key)) continue;
    const job = e.value;
    if (job.kind !== 'map') continue;
    const where = key === 'default' ? 'default' : `job ${key}`;
    const img = entry(job, 'image');
    if (img)
      checkImage(
        rep,
        img.value,
        img.value.kind === 'map' ? (entry(img.value, 'name')?.keyLine ?? img.keyLine) : img.keyLine,
        where,
      );
    for (const s of items(get(job, 'services')))
      checkImage(
        rep,
        s,
        s.kind === 'map' ? (entry(s, 'name')?.keyLine ?? s.line) : s.line,
        `${where} service`,
      );
    checkScripts(rep, file, job, where);
  }
  checkScripts(rep, file, root, 'the pipeline');
}
