import type { AnalyzerId } from '../../core/finding.js';
import { isDependencyFile } from '../../analyzers/deps/lockfiles/index.js';
import { isDockerfileName } from '../../analyzers/iac/index.js';

/** What `vanguard init` learned about a repository, from file paths (and a peek into YAML files). */
export interface RepoProfile {
  /** Analyzers worth running, each with the evidence that made it relevant. */
  analyzers: { id: AnalyzerId; why: string }[];
  /** Top-level folders that usually hold third-party or generated files. */
  ignoreCandidates: string[];
  /** Folders of test fixtures, which often hold intentional findings. */
  fixtureDirs: string[];
  /** The GitHub or GitLab owner of the `origin` remote, for trusted pipeline actions. */
  owner?: string;
  hasGithubWorkflows: boolean;
  hasGitlabCi: boolean;
}

export interface ProfileInput {
  /** Repository-relative paths with forward slashes (from walk()). */
  paths: readonly string[];
  /** Contents of .git/config, when there is one. */
  gitConfig?: string;
  /** Reads the start of a file; used only for YAML files that may be Kubernetes manifests. */
  peek?: (path: string) => string | undefined;
}

const CODE_EXT: Record<string, string> = {
  js: 'JavaScript',
  jsx: 'JavaScript',
  mjs: 'JavaScript',
  cjs: 'JavaScript',
  ts: 'TypeScript',
  tsx: 'TypeScript',
  py: 'Python',
  go: 'Go',
  java: 'Java',
  kt: 'Kotlin',
  rb: 'Ruby',
  php: 'PHP',
  cs: 'C#',
};
const GENERATED_DIRS = ['vendor', 'third_party', 'third-party', 'dist', 'build', 'coverage', 'out', 'target'];
const K8S_DIRS = /(^|\/)(k8s|kubernetes|manifests|deploy|deployment|charts|helm|kustomize)(\/|$)/i;
const MAX_PEEKS = 200;

function base(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? p : p.slice(i + 1);
}

function ext(p: string): string {
  const b = base(p);
  const i = b.lastIndexOf('.');
  return i <= 0 ? '' : b.slice(i + 1).toLowerCase();
}

function listSome(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

function looksLikeK8s(text: string): boolean {
  return /^apiVersion:\s*\S/m.test(text) && /^kind:\s*[A-Z]\w{0,60}/m.test(text);
}

const BRANCH_NAME = /^[A-Za-z0-9._][A-Za-z0-9._/-]{0,99}$/;

/**
 * The repository's default branch, from the symbolic refs git keeps as files: origin's HEAD when the
 * clone recorded it, else the branch checked out; "main" when neither names a plain branch.
 */
export function defaultBranch(originHead: string | undefined, head: string | undefined): string {
  for (const [text, prefix] of [
    [originHead, 'refs/remotes/origin/'],
    [head, 'refs/heads/'],
  ] as const) {
    const ref = /^ref: (\S+)\s*$/.exec(text ?? '')?.[1];
    const name = ref?.startsWith(prefix) ? ref.slice(prefix.length) : undefined;
    if (name !== undefined && BRANCH_NAME.test(name) && !name.includes('..')) return name;
  }
  return 'main';
}

/** The owner (organisation or user) of the origin remote, from .git/config. */
export function originOwner(gitConfig: string): string | undefined {
  const section = /\[remote "origin"\]([^[]*)/.exec(gitConfig)?.[1] ?? '';
  const url = /^\s*url\s*=\s*(\S+)/m.exec(section)?.[1];
  if (!url) return undefined;
  const m =
    /^(?:https?:\/\/(?:[^@/]+@)?|ssh:\/\/(?:[^@/]+@)?|[^@/]+@)(?:github\.com|gitlab\.com)[:/]([A-Za-z0-9_.-]{1,100})\//.exec(
      url,
    );
  return m?.[1];
}

/** Decides which analyzers make sense and what to ignore, from the repository's file list. */
export function profileRepository(input: ProfileInput): RepoProfile {
  const lockfiles: string[] = [];
  const languages = new Map<string, number>();
  const iac: string[] = [];
  const pipelines: string[] = [];
  const threatModels: string[] = [];
  const topDirs = new Set<string>();
  const fixtureDirs = new Set<string>();
  let peeks = 0;
  for (const p of input.paths) {
    const name = base(p);
    const e = ext(p);
    const slash = p.indexOf('/');
    if (slash > 0) topDirs.add(p.slice(0, slash));
    const fx = /^(.*?\/)?(fixtures|__fixtures__|testdata)\//.exec(p);
    if (fx) fixtureDirs.add(`${fx[1] ?? ''}${fx[2]}/`);
    if (isDependencyFile(name)) lockfiles.push(p);
    const lang = CODE_EXT[e];
    if (lang) languages.set(lang, (languages.get(lang) ?? 0) + 1);
    if (isDockerfileName(name)) iac.push(p);
    else if (
      e === 'tf' ||
      e === 'tfvars' ||
      name === 'Chart.yaml' ||
      /^(docker-)?compose([.-][\w.-]{1,40})?\.ya?ml$/.test(name)
    )
      iac.push(p);
    else if ((e === 'yaml' || e === 'yml') && !p.startsWith('.github/')) {
      if (K8S_DIRS.test(p)) iac.push(p);
      else if (input.peek && peeks < MAX_PEEKS) {
        peeks++;
        const text = input.peek(p);
        if (text !== undefined && looksLikeK8s(text)) iac.push(p);
      }
    }
    if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(p) || /^\.github\/actions\/.+\/action\.ya?ml$/.test(p))
      pipelines.push(p);
    if (
      name === '.gitlab-ci.yml' ||
      name === 'azure-pipelines.yml' ||
      name === 'Jenkinsfile' ||
      name === 'bitbucket-pipelines.yml' ||
      p === '.circleci/config.yml'
    ) {
      pipelines.push(p);
    }
    if (/^(threatmodel|threat-model|threagile)\.ya?ml$/i.test(name)) threatModels.push(p);
  }
  const analyzers: RepoProfile['analyzers'] = [
    { id: 'secrets', why: 'always: credentials can hide in any file' },
  ];
  if (lockfiles.length > 0)
    analyzers.push({ id: 'deps', why: `dependency manifests: ${listSome(lockfiles)}` });
  if (languages.size > 0) {
    const langs = [...languages.entries()].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${n} ${l}`);
    analyzers.push({ id: 'code', why: `source files: ${listSome(langs, 4)}` });
  }
  if (iac.length > 0) analyzers.push({ id: 'iac', why: `infrastructure as code: ${listSome(iac)}` });
  if (pipelines.length > 0) analyzers.push({ id: 'pipeline', why: `CI definitions: ${listSome(pipelines)}` });
  if (threatModels.length > 0)
    analyzers.push({ id: 'threats', why: `threat model: ${listSome(threatModels)}` });
  const profile: RepoProfile = {
    analyzers,
    ignoreCandidates: GENERATED_DIRS.filter((d) => topDirs.has(d)).map((d) => `${d}/`),
    fixtureDirs: [...fixtureDirs].sort().slice(0, 10),
    hasGithubWorkflows: pipelines.some((p) => p.startsWith('.github/')),
    hasGitlabCi: pipelines.includes('.gitlab-ci.yml'),
  };
  const owner = input.gitConfig === undefined ? undefined : originOwner(input.gitConfig);
  if (owner !== undefined) profile.owner = owner;
  return profile;
}
