import { hostname } from 'node:os';
import { VERSION } from '../core/version.js';

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
export const INTOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/** What `vanguard build` means by its parameters; documented in docs/build-integrity.md. */
export const BUILD_TYPE =
  'https://github.com/vanguard-sec/vanguard/blob/main/docs/build-integrity.md#build-type-v1';
/** The byproduct that carries the watch's verdict; `vanguard verify` reads its annotations. */
export const WATCH_LOG_NAME = 'watch.log.jsonl';

/** An in-toto ResourceDescriptor (subject, dependency, byproduct). */
export interface ResourceDescriptor {
  name?: string;
  uri?: string;
  digest?: Record<string, string>;
  mediaType?: string;
  downloadLocation?: string;
  annotations?: Record<string, unknown>;
}

export interface SlsaProvenance {
  buildDefinition: {
    buildType: string;
    externalParameters: Record<string, unknown>;
    internalParameters?: Record<string, unknown>;
    resolvedDependencies?: ResourceDescriptor[];
  };
  runDetails: {
    builder: { id: string; version?: Record<string, string>; builderDependencies?: ResourceDescriptor[] };
    metadata?: { invocationId?: string; startedOn?: string; finishedOn?: string };
    byproducts?: ResourceDescriptor[];
  };
}

/** in-toto Statement v1. */
export interface Statement<P = unknown> {
  _type: string;
  subject: ResourceDescriptor[];
  predicateType: string;
  predicate: P;
}

/** What the watch found, as the watch-log byproduct's annotations state it (and `verify` reads). */
export interface WatchVerdict {
  tampered: boolean;
  /** False when a folder could not be watched or a tracked file could not be read: no verdict for those. */
  complete: boolean;
  trackedFiles: number;
  watchedFolders: number;
  events: number;
  tamperedPaths: string[];
  addedPaths: string[];
  coverageLost: string[];
}

/** Where the build ran, as far as the CI environment says. */
export interface BuildEnvironment {
  ci: 'github-actions' | 'gitlab-ci' | 'generic-ci' | 'none';
  builderId: string;
  invocationId?: string;
  /** `git+https://host/owner/repo@refs/heads/main`, when the CI names the repository. */
  sourceUri?: string;
  runnerEnvironment?: string;
}

type Env = Readonly<Record<string, string | undefined>>;
const set = (v: string | undefined): v is string => v !== undefined && v !== '';

/** Builder and invocation identity from the CI variables (GitHub Actions, GitLab CI), else this machine. */
export function buildEnvironment(env: Env, invocation: string): BuildEnvironment {
  if (env.GITHUB_ACTIONS === 'true' && set(env.GITHUB_REPOSITORY)) {
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const out: BuildEnvironment = {
      ci: 'github-actions',
      // The workflow file at its ref is the trust boundary GitHub's own provenance names as the builder.
      builderId: set(env.GITHUB_WORKFLOW_REF)
        ? `${server}/${env.GITHUB_WORKFLOW_REF}`
        : `${server}/${env.GITHUB_REPOSITORY}/actions`,
      sourceUri: `git+${server}/${env.GITHUB_REPOSITORY}${set(env.GITHUB_REF) ? `@${env.GITHUB_REF}` : ''}`,
    };
    if (set(env.GITHUB_RUN_ID))
      out.invocationId = `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/attempts/${env.GITHUB_RUN_ATTEMPT ?? '1'}`;
    if (set(env.RUNNER_ENVIRONMENT)) out.runnerEnvironment = env.RUNNER_ENVIRONMENT;
    return out;
  }
  if (env.GITLAB_CI === 'true' && set(env.CI_PROJECT_URL)) {
    const server = env.CI_SERVER_URL ?? new URL(env.CI_PROJECT_URL).origin;
    const ref = set(env.CI_COMMIT_TAG)
      ? `refs/tags/${env.CI_COMMIT_TAG}`
      : set(env.CI_COMMIT_REF_NAME)
        ? `refs/heads/${env.CI_COMMIT_REF_NAME}`
        : '';
    const out: BuildEnvironment = {
      ci: 'gitlab-ci',
      builderId: set(env.CI_RUNNER_ID)
        ? `${server}/${env.CI_PROJECT_PATH ?? ''}/-/runners/${env.CI_RUNNER_ID}`
        : `${server}/${env.CI_PROJECT_PATH ?? ''}/-/jobs`,
      sourceUri: `git+${env.CI_PROJECT_URL}${ref ? `@${ref}` : ''}`,
    };
    if (set(env.CI_JOB_URL)) out.invocationId = env.CI_JOB_URL;
    return out;
  }
  if (set(env.CI) && env.CI !== 'false' && env.CI !== '0') {
    return { ci: 'generic-ci', builderId: 'urn:vanguard:builder:ci', invocationId: invocation };
  }
  return { ci: 'none', builderId: `urn:vanguard:builder:local:${hostname()}`, invocationId: invocation };
}

export interface ProvenanceInput {
  subjects: { name: string; sha256: string }[];
  command: readonly string[];
  workingDirectory: string;
  artifacts: readonly string[];
  source: ResourceDescriptor;
  dependencies: ResourceDescriptor[];
  env: BuildEnvironment;
  startedOn: Date;
  finishedOn: Date;
  exitCode: number;
  watchLog: { sha256: string };
  verdict: WatchVerdict;
}

/** SLSA v1 provenance for the products of one watched build, as an in-toto Statement v1. */
export function provenanceStatement(i: ProvenanceInput): Statement<SlsaProvenance> {
  return {
    _type: STATEMENT_TYPE,
    subject: i.subjects.map((s) => ({ name: s.name, digest: { sha256: s.sha256 } })),
    predicateType: SLSA_PROVENANCE_V1,
    predicate: {
      buildDefinition: {
        buildType: BUILD_TYPE,
        externalParameters: {
          command: [...i.command],
          workingDirectory: i.workingDirectory,
          artifacts: [...i.artifacts],
          ...(i.source.uri !== undefined ? { source: i.source.uri } : {}),
        },
        internalParameters: {
          ci: i.env.ci,
          ...(i.env.runnerEnvironment !== undefined ? { runnerEnvironment: i.env.runnerEnvironment } : {}),
          exitCode: i.exitCode,
          platform: `${process.platform}-${process.arch}`,
        },
        resolvedDependencies: [i.source, ...i.dependencies],
      },
      runDetails: {
        builder: { id: i.env.builderId, version: { vanguard: VERSION, node: process.version } },
        metadata: {
          ...(i.env.invocationId !== undefined ? { invocationId: i.env.invocationId } : {}),
          startedOn: i.startedOn.toISOString(),
          finishedOn: i.finishedOn.toISOString(),
        },
        byproducts: [
          {
            name: WATCH_LOG_NAME,
            digest: { sha256: i.watchLog.sha256 },
            mediaType: 'application/jsonl',
            annotations: { ...i.verdict },
          },
        ],
      },
    },
  };
}
