import type { Flow, TechnicalAsset } from '../model.js';
import type { ModelIndex } from '../model-index.js';
import { assetHit, flowHit } from './types.js';
import type { ThreatRule } from './types.js';

const BUILD_KINDS = new Set(['build-server', 'source-repository', 'artifact-registry']);
const NOT_DEPLOY_TARGETS = new Set([
  'build-server',
  'source-repository',
  'artifact-registry',
  'external-service',
  'monitoring',
  'vault',
  'user',
  'client',
]);

/** Flows by which a build server changes what runs: deployments. */
const deployments = (m: ModelIndex): Flow[] =>
  m.flows.filter(
    (f) => m.asset(f.from).kind === 'build-server' && !NOT_DEPLOY_TARGETS.has(m.asset(f.to).kind),
  );

const userAuthenticated = (m: ModelIndex, a: TechnicalAsset): boolean =>
  m.incoming(a).some((f) => ['password', 'session'].includes(f.authentication) && m.fromInternet(f));

/** Rules for identity and for the build and deployment path (the SolarWinds path). */
export const SUPPLY_CHAIN_RULES: ThreatRule[] = [
  {
    id: 'missing-identity-provider',
    title: 'End-user authentication without an identity store',
    description:
      'Each service keeping its own passwords multiplies credential stores, policies and breaches.',
    stride: ['spoofing'],
    cwe: [287],
    principles: ['authentication', 'asset-management'],
    likelihood: 2,
    impact: 2,
    mitigations: [
      {
        text: 'Delegate authentication to one identity provider (OIDC/SAML) with central policy.',
        principles: ['authentication'],
      },
    ],
    check: (m) =>
      m.assets.some((a) => a.kind === 'identity-provider')
        ? []
        : m.assets
            .filter((a) => userAuthenticated(m, a))
            .map((a) =>
              assetHit(a, `${a.id} authenticates users itself; the model has no identity provider`),
            ),
  },
  {
    id: 'missing-mfa-admin',
    title: 'Administrative access without a second factor',
    description:
      'A phished or guessed password gives full control when administrative access uses one factor.',
    stride: ['spoofing', 'elevation-of-privilege'],
    cwe: [308],
    principles: ['authentication'],
    likelihood: 2,
    impact: 3,
    mitigations: [
      {
        text: 'Require MFA (phishing-resistant where possible) or client certificates for admin access.',
        principles: ['authentication'],
        control: 'mfa',
      },
    ],
    check: (m) =>
      m.flows
        .filter((f) => (f.admin || m.asset(f.to).admin) && ['user', 'client'].includes(m.asset(f.from).kind))
        .filter(
          (f) => !['mfa', 'client-certificate'].includes(f.authentication) && !m.has(m.asset(f.to), 'mfa'),
        )
        .map((f) =>
          flowHit(f, `administrative flow "${f.id}" into ${f.to} does not require a second factor`),
        ),
  },
  {
    id: 'build-infrastructure-exposed',
    title: 'Build or source infrastructure reachable from the internet',
    description: 'Whoever controls the build controls every artefact it signs and ships.',
    stride: ['tampering', 'elevation-of-privilege'],
    cwe: [668],
    principles: ['zoning-containment'],
    likelihood: 2,
    impact: 3,
    mitigations: [
      {
        text: 'Keep build servers private (no inbound from the internet); use ephemeral, isolated runners.',
        principles: ['zoning-containment'],
      },
    ],
    check: (m) =>
      m.assets
        .filter((a) => BUILD_KINDS.has(a.kind) && m.trust(a) !== 'internet' && m.reachableFromInternet(a))
        .map((a) => assetHit(a, `${a.kind} ${a.id} is reachable from the internet`)),
  },
  {
    id: 'build-code-backdooring',
    title: 'Build output can be backdoored undetected',
    description:
      'As in the SolarWinds compromise, code injected during the build is signed and shipped unless builds are verifiable.',
    stride: ['tampering'],
    cwe: [506],
    principles: ['asset-management', 'logging'],
    likelihood: 1,
    impact: 3,
    mitigations: [
      {
        text: 'Produce signed SLSA provenance for every artefact and verify it before deployment.',
        principles: ['asset-management'],
        control: 'build-provenance',
      },
      {
        text: 'Make builds reproducible and compare independent rebuilds.',
        principles: ['asset-management'],
        control: 'reproducible-builds',
      },
    ],
    check: (m) =>
      m.assets
        .filter(
          (a) =>
            a.kind === 'build-server' && !m.has(a, 'build-provenance') && !m.has(a, 'reproducible-builds'),
        )
        .map((a) =>
          assetHit(a, `build server ${a.id} produces artefacts without provenance or reproducible builds`),
        ),
  },
  {
    id: 'unsigned-commits',
    title: 'Source changes are not verified',
    description:
      'Without signed commits and protected branches, a stolen developer credential rewrites the source.',
    stride: ['tampering', 'repudiation'],
    cwe: [345],
    principles: ['authentication', 'asset-management'],
    likelihood: 1,
    impact: 2,
    mitigations: [
      {
        text: 'Require signed commits and reviewed, protected branches.',
        principles: ['authentication'],
        control: 'signed-commits',
      },
    ],
    check: (m) =>
      m.assets
        .filter((a) => a.kind === 'source-repository' && !m.has(a, 'signed-commits'))
        .map((a) => assetHit(a, `source repository ${a.id} accepts unsigned commits`)),
  },
  {
    id: 'unchecked-deployment',
    title: 'Deployment without an integrity check',
    description: 'The runtime accepts whatever the pipeline hands it: a tampered artefact is deployed as-is.',
    stride: ['tampering'],
    cwe: [494],
    principles: ['asset-management'],
    likelihood: 2,
    impact: 3,
    mitigations: [
      {
        text: 'Verify artefact signatures and provenance at admission.',
        principles: ['asset-management'],
        control: 'signed-artifacts',
      },
      {
        text: 'Require an approval for production deployments.',
        principles: ['authentication'],
        control: 'deployment-approval',
      },
    ],
    check: (m) =>
      deployments(m)
        .filter(
          (f) => !m.has(m.asset(f.to), 'signed-artifacts') && !m.has(m.asset(f.from), 'deployment-approval'),
        )
        .map((f) => flowHit(f, `deployment "${f.id}" to ${f.to} is neither signature-checked nor approved`)),
  },
  {
    id: 'push-deployment',
    title: 'Build server pushes into the runtime',
    description:
      "Push deployments give the build server standing credentials into production, so its compromise is production's.",
    stride: ['elevation-of-privilege'],
    cwe: [269],
    principles: ['zoning-containment', 'authentication'],
    likelihood: 2,
    impact: 2,
    mitigations: [
      {
        text: 'Deploy by pull (GitOps agent inside the runtime) with no inbound credentials for CI.',
        principles: ['zoning-containment'],
        control: 'pull-deployment',
      },
    ],
    check: (m) =>
      deployments(m)
        .filter((f) => !m.has(m.asset(f.from), 'pull-deployment'))
        .map((f) => flowHit(f, `build server ${f.from} pushes into ${f.to} with standing credentials`)),
  },
  {
    id: 'unpinned-dependencies',
    title: 'Build pulls third-party code without pinning',
    description:
      'A build that resolves dependencies at build time installs whatever a compromised registry serves.',
    stride: ['tampering'],
    cwe: [829],
    principles: ['asset-management'],
    likelihood: 2,
    impact: 2,
    mitigations: [
      {
        text: 'Pin dependencies by hash (lockfiles, digests) and mirror them.',
        principles: ['asset-management'],
        control: 'dependency-pinning',
      },
    ],
    check: (m) =>
      m.assets
        .filter((a) => a.kind === 'build-server' && !m.has(a, 'dependency-pinning'))
        .filter((a) =>
          [...m.incoming(a).map((f) => m.asset(f.from)), ...m.outgoing(a).map((f) => m.asset(f.to))].some(
            (o) => ['external-service', 'artifact-registry'].includes(o.kind),
          ),
        )
        .map((a) => assetHit(a, `build server ${a.id} fetches third-party code without pinned dependencies`)),
  },
];
