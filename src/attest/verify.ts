import type { KeyObject } from 'node:crypto';
import { describeError } from '../core/errors.js';
import type { RawFinding } from '../core/finding.js';
import { findingFrom, type RuleMeta } from '../core/rule.js';
import { readProvenance } from './bundle.js';
import { decodeBase64, verifyEnvelope, type Envelope } from './dsse.js';
import { normalizeRepoUrl } from './git-state.js';
import {
  INTOTO_PAYLOAD_TYPE,
  SLSA_PROVENANCE_V1,
  STATEMENT_TYPE,
  WATCH_LOG_NAME,
  type ResourceDescriptor,
} from './provenance.js';
import { VERIFY_RULES } from './rules.js';

export interface Expectations {
  sourceUri?: string;
  commit?: string;
  builderId?: string;
}

export interface VerifyInput {
  /** sha256 of the artifact, hex. */
  artifactSha256: string;
  artifactName: string;
  /** The provenance file's text and its path as the report should name it. */
  provenanceText: string;
  provenancePath: string;
  key: KeyObject;
  expect: Expectations;
}

export interface VerifyOutcome {
  findings: RawFinding[];
  /** What held, one line each, for the summary. */
  passed: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The repository part of a source URI: `git+https://h/o/r@refs/heads/main` → `https://h/o/r`. */
export function repoOf(uri: string): string {
  let u = uri.replace(/^git\+/, '');
  const scheme = u.indexOf('://');
  // Without a scheme, `user@host:path` (scp syntax): the path starts after the colon.
  const pathStart = scheme >= 0 ? u.indexOf('/', scheme + 3) : u.indexOf(':');
  const at = u.lastIndexOf('@');
  // An @ after the host starts the ref; one before it is a user name.
  if (pathStart >= 0 && at > pathStart) u = u.slice(0, at);
  return normalizeRepoUrl(u);
}

function parseStatement(env: Envelope): Obj | string {
  const body = decodeBase64(env.payload);
  if (!body) return 'the payload is not base64';
  try {
    const doc = JSON.parse(body.toString('utf8')) as unknown;
    if (!isObj(doc)) return 'the payload is not a JSON object';
    if (doc._type !== STATEMENT_TYPE)
      return `the payload's _type is ${JSON.stringify(doc._type)}, not ${STATEMENT_TYPE}`;
    if (doc.predicateType !== SLSA_PROVENANCE_V1)
      return `the predicateType is ${JSON.stringify(doc.predicateType)}, not ${SLSA_PROVENANCE_V1}`;
    if (!Array.isArray(doc.subject) || !isObj(doc.predicate))
      return 'the statement has no subject list or predicate';
    return doc;
  } catch (err) {
    return `the payload is not JSON: ${(err as Error).message}`;
  }
}

const subjectsOf = (s: Obj): ResourceDescriptor[] => (s.subject as unknown[]).filter(isObj);

/**
 * Checks a provenance file for one artifact: a signature by the trusted key over the DSSE PAE, an
 * in-toto Statement v1 with SLSA v1 provenance, the artifact's digest among the subjects, the
 * expected source, commit and builder, and a build that recorded no tampering. Every failed check
 * is a finding; none is skipped because another failed.
 */
export function verifyProvenance(i: VerifyInput): VerifyOutcome {
  const findings: RawFinding[] = [];
  const passed: string[] = [];
  const at = { path: i.provenancePath, startLine: 1 };
  const fail = (rule: RuleMeta, key: string, message: string): void =>
    void findings.push(
      findingFrom(rule, { message, location: at, fingerprintKey: `${key}|${i.artifactSha256}` }),
    );

  let file;
  try {
    file = readProvenance(i.provenanceText);
  } catch (err) {
    fail(
      VERIFY_RULES.payloadType,
      'unreadable',
      `The provenance file cannot be read: ${describeError(err).message}.`,
    );
    return { findings, passed };
  }
  if (file.kind === 'unsigned') {
    fail(
      VERIFY_RULES.signature,
      'unsigned',
      'The provenance is a bare statement with no signature; sign it with `vanguard attest sign`.',
    );
    return { findings, passed };
  }
  // Only statements under a verified signature are believed; among them, the one naming the artifact.
  const signed = file.envelopes.filter((e) => verifyEnvelope(e, i.key));
  if (signed.length === 0) {
    fail(
      VERIFY_RULES.signature,
      'signature',
      `None of the ${file.envelopes.length} envelope(s) carries a signature that verifies with the given key.`,
    );
  } else {
    passed.push('signature verifies with the given key');
  }
  const pool = signed.length > 0 ? signed : file.envelopes;
  const typed = pool.filter((e) => e.payloadType === INTOTO_PAYLOAD_TYPE);
  if (typed.length === 0) {
    fail(
      VERIFY_RULES.payloadType,
      'payload-type',
      `The envelope's payloadType is ${JSON.stringify(pool[0]?.payloadType)}, not ${INTOTO_PAYLOAD_TYPE}.`,
    );
    return { findings, passed };
  }
  const parsed = typed.map(parseStatement);
  const statements = parsed.filter(isObj);
  if (statements.length === 0) {
    fail(
      VERIFY_RULES.payloadType,
      'payload',
      `The signed payload is not SLSA v1 provenance: ${parsed.find((p): p is string => typeof p === 'string') ?? ''}.`,
    );
    return { findings, passed };
  }
  const statement =
    statements.find((s) => subjectsOf(s).some((d) => d.digest?.sha256?.toLowerCase() === i.artifactSha256)) ??
    statements[0]!;
  if (subjectsOf(statement).some((d) => d.digest?.sha256?.toLowerCase() === i.artifactSha256)) {
    passed.push(`${i.artifactName} (sha256 ${i.artifactSha256.slice(0, 12)}…) is a subject`);
  } else {
    const names = subjectsOf(statement)
      .map((d) => d.name ?? '?')
      .slice(0, 5)
      .join(', ');
    fail(
      VERIFY_RULES.subject,
      'subject',
      `${i.artifactName} has sha256 ${i.artifactSha256}, which no subject of the statement has (subjects: ${names || 'none'}).`,
    );
  }
  const predicate = statement.predicate as Obj;
  const def = isObj(predicate.buildDefinition) ? predicate.buildDefinition : {};
  const run = isObj(predicate.runDetails) ? predicate.runDetails : {};
  const deps = (
    Array.isArray(def.resolvedDependencies) ? def.resolvedDependencies.filter(isObj) : []
  ) as ResourceDescriptor[];
  const sources = deps.filter((d) => typeof d.digest?.gitCommit === 'string');
  if (i.expect.sourceUri !== undefined) {
    const want = repoOf(i.expect.sourceUri);
    const got = sources.map((d) => d.uri ?? '').filter(Boolean);
    if (got.some((u) => repoOf(u) === want)) passed.push(`built from ${want}`);
    else
      fail(
        VERIFY_RULES.expectation,
        'source',
        `Built from ${got.join(', ') || 'an unnamed source'}, not ${i.expect.sourceUri}.`,
      );
  }
  if (i.expect.commit !== undefined) {
    const want = i.expect.commit.toLowerCase();
    const got = sources.map((d) => d.digest!.gitCommit!.toLowerCase());
    // A full id, or an abbreviation of at least 7 digits as git prints them.
    if (want.length >= 7 && got.some((c) => c === want || c.startsWith(want)))
      passed.push(`built from commit ${want}`);
    else
      fail(
        VERIFY_RULES.expectation,
        'commit',
        `Built from commit ${got.join(', ') || '(none recorded)'}, not ${i.expect.commit}.`,
      );
  }
  const builder = isObj(run.builder) && typeof run.builder.id === 'string' ? run.builder.id : undefined;
  if (i.expect.builderId !== undefined) {
    if (builder === i.expect.builderId) passed.push(`built by ${builder}`);
    else
      fail(
        VERIFY_RULES.expectation,
        'builder',
        `Built by ${builder ?? '(no builder id)'}, not ${i.expect.builderId}.`,
      );
  }
  const byproducts = (
    Array.isArray(run.byproducts) ? run.byproducts.filter(isObj) : []
  ) as ResourceDescriptor[];
  const watch = byproducts.find((b) => b.name === WATCH_LOG_NAME)?.annotations;
  if (!watch) {
    fail(
      VERIFY_RULES.tampering,
      'no-watch',
      'The provenance records no watched build, so nothing says the sources held still while it ran.',
    );
  } else if (watch.tampered !== false) {
    const paths = [
      ...((watch.tamperedPaths as string[] | undefined) ?? []),
      ...((watch.addedPaths as string[] | undefined) ?? []),
    ];
    fail(
      VERIFY_RULES.tampering,
      'tampered',
      `The build saw its sources change while it ran: ${paths.slice(0, 5).join(', ') || 'see the watch log'}.`,
    );
  } else if (watch.complete !== true) {
    fail(
      VERIFY_RULES.tampering,
      'incomplete',
      'The build could not watch all of its sources, so it cannot vouch that none changed.',
    );
  } else {
    passed.push('the build recorded no tampering');
  }
  return { findings, passed };
}
