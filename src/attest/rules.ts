import type { RuleMeta } from '../core/rule.js';

/** Rules of the build-integrity checks: a watched build (`vanguard build`) and the deploy gate (`vanguard verify`). */
function rule(
  id: string,
  r: Omit<RuleMeta, 'id' | 'analyzer' | 'phase' | 'confidence'> & { confidence?: RuleMeta['confidence'] },
): RuleMeta {
  return { confidence: 'high', ...r, id: `supply-chain/${id}`, analyzer: 'supply-chain', phase: 'build' };
}

export const BUILD_RULES = {
  sourceTampered: rule('build-source-tampered', {
    title: 'Tracked source changed while the build ran',
    description:
      'A file under version control was written, created, renamed or deleted while the build command ran. ' +
      'This is how the SolarWinds build was compromised: a source file swapped for the seconds the compiler ' +
      'read it and put back afterwards, so reviews and later checkouts only ever saw clean code.',
    severity: 'critical',
    cwe: [506, 345],
    principles: ['asset-management', 'zoning-containment'],
    remediation:
      'Treat the build machine as compromised until explained: find the process that touched the file, ' +
      'rebuild on a clean machine and compare the products with `vanguard rebuild-compare`. A build must ' +
      'never write to tracked sources; send generated files to an ignored output folder.',
  }),
  sourceAdded: rule('build-source-added', {
    title: 'New file appeared in the source tree while the build ran',
    description:
      'A file that is neither tracked nor ignored by .gitignore appeared in a tracked source folder during ' +
      'the build. A compiler that picks sources up by pattern would build it into the product.',
    severity: 'high',
    cwe: [506, 345],
    principles: ['asset-management', 'zoning-containment'],
    remediation:
      'Find what wrote the file. If the build generates it on purpose, write it to an output folder or ' +
      'list it in .gitignore so that the watch can tell it from an injected source.',
  }),
  sourceDiffers: rule('build-source-differs', {
    title: 'Tracked file differs from its committed content after the build',
    description:
      'After the build, a tracked file no longer matches the content it had when the build started; the ' +
      'products were built from sources that are not the recorded commit.',
    severity: 'critical',
    cwe: [506, 345],
    principles: ['asset-management'],
    remediation:
      'Find what changed the file during the build, restore it, and rebuild from a clean checkout.',
  }),
  uncommittedChanges: rule('build-uncommitted-changes', {
    title: 'CI build from a work tree with uncommitted or untracked changes',
    description:
      'The provenance names a commit, but the work tree held changes that are not in it, so the products ' +
      'cannot be traced to reviewed source. In CI a build should start from a clean checkout.',
    severity: 'high',
    cwe: [345],
    principles: ['asset-management'],
    remediation:
      'Start CI builds from a fresh checkout; commit generated files or ignore them, and never modify ' +
      'tracked files in steps before the build.',
  }),
} as const;

export const VERIFY_RULES = {
  signature: rule('provenance-signature-invalid', {
    title: 'Provenance signature does not verify',
    description:
      'No signature of the envelope verifies with the trusted key over the DSSE pre-authentication ' +
      'encoding: the statement was altered, signed by someone else, or is not signed at all.',
    severity: 'critical',
    cwe: [347],
    principles: ['authentication'],
    remediation:
      'Deploy only artifacts whose provenance was signed by your build key; re-sign with ' +
      '`vanguard attest sign` from the build that produced the artifact.',
  }),
  payloadType: rule('provenance-payload-type', {
    title: 'Envelope does not carry an in-toto statement',
    description:
      'The envelope declares a payload type other than application/vnd.in-toto+json, or its payload is ' +
      'not an in-toto Statement v1 with SLSA v1 provenance; a signature over another type proves nothing ' +
      'about this build.',
    severity: 'critical',
    cwe: [345],
    principles: ['authentication'],
    remediation: 'Verify the provenance produced by `vanguard build` and signed by `vanguard attest sign`.',
  }),
  subject: rule('provenance-subject-mismatch', {
    title: 'Artifact is not a subject of the provenance',
    description:
      'The sha256 digest of the artifact is not among the subjects of the statement: the provenance ' +
      'describes another artifact, or the artifact was changed after the build.',
    severity: 'critical',
    cwe: [345, 494],
    principles: ['asset-management'],
    remediation: 'Deploy the exact file the attested build produced, or rebuild and re-attest it.',
  }),
  expectation: rule('provenance-unexpected-origin', {
    title: 'Provenance names another source, commit or builder',
    description:
      'The statement verifies, but the build ran from another repository or commit, or on another ' +
      'builder, than the deployment expects.',
    severity: 'critical',
    cwe: [345],
    principles: ['asset-management', 'zoning-containment'],
    remediation:
      'Deploy only artifacts built from the expected repository and commit by the trusted builder.',
  }),
  tampering: rule('provenance-records-tampering', {
    title: 'The attested build recorded tampering',
    description:
      'The build that produced the artifact saw its tracked sources change while it ran, or could not ' +
      'watch all of them; the signature only proves who built it, not what was built.',
    severity: 'critical',
    cwe: [506, 345],
    principles: ['asset-management', 'zoning-containment'],
    remediation:
      'Do not deploy. Read the watch log beside the provenance, rebuild on a clean machine and compare ' +
      'with `vanguard rebuild-compare`.',
  }),
} as const;

export const ATTEST_RULES: readonly RuleMeta[] = [
  ...Object.values(BUILD_RULES),
  ...Object.values(VERIFY_RULES),
];
