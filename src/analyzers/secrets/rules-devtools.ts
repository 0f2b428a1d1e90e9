import { hasValidCrc32Tail } from './checksum.js';
import { tokenRules } from './define.js';
import { END64 } from './patterns.js';
import type { SecretRule } from './types.js';
import { secretRule } from './types.js';

/** Package and container registries: npm, PyPI, Docker Hub, RubyGems, NuGet, Clojars, Artifactory. */
export const DEVTOOLS_RULES: SecretRule[] = [
  secretRule({
    id: 'npm-access-token',
    title: 'npm access token',
    provider: 'npm',
    pattern: '\\b(npm_[A-Za-z0-9]{36})\\b',
    severity: 'critical',
    allowPlaceholderWords: true,
    // Same CRC-32 tail as GitHub tokens: a failing tail cannot authenticate, so it is not reported.
    check: (m) => (hasValidCrc32Tail(m.secret) ? { confidence: 'high' } : false),
    examples: { bad: ['//registry.npmjs.org/:_authToken=<<npm>>'], good: ['NPM_TOKEN=npm_<<a62:36>>'] },
  }),
  secretRule({
    id: 'npmrc-auth-token',
    title: 'Registry credential in .npmrc',
    provider: 'the npm registry',
    prefilter: '_auth|_password',
    pattern: `(?:_authToken|_auth|_password)\\s{0,3}=\\s{0,3}["']?([A-Za-z0-9+/=_.:-]{16,})${END64}`,
    minEntropy: 3,
    // `_password =` is an npm setting only in .npmrc; elsewhere (Terraform, Python) it is any name.
    onlyIn: /(?:^|\/)\.npmrc$/,
    examples: {
      path: '.npmrc',
      bad: ['//npm.acme.internal/:_authToken=<<uuid>>', '//npm.acme.internal/:_auth=<<b64:40>>'],
      good: ['//registry.npmjs.org/:_authToken=${NPM_TOKEN}'],
    },
  }),
  ...tokenRules('PyPI', [
    [
      'pypi-upload-token',
      'PyPI upload token',
      'pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}',
      'pypi-AgEIcHlwaS5vcmc<<url:140>>',
      'pypi-AgEIcHlwaS5vcmc<<url:10>>',
      { severity: 'critical' },
    ],
  ]),
  ...tokenRules('Docker Hub', [
    [
      'dockerhub-pat',
      'Docker Hub personal access token',
      'dckr_pat_[A-Za-z0-9_-]{27}',
      'dckr_pat_<<url:27>>',
      'dckr_pat_<<url:8>>',
    ],
    [
      'dockerhub-oat',
      'Docker Hub organization access token',
      'dckr_oat_[A-Za-z0-9_-]{32}',
      'dckr_oat_<<url:32>>',
      'dckr_oat_<<url:8>>',
    ],
  ]),
  secretRule({
    id: 'docker-config-auth',
    title: 'Registry credential in a Docker config',
    provider: 'the container registry',
    pattern: `"auth"\\s{0,3}:\\s{0,3}"([A-Za-z0-9+/]{16,}={0,2})"`,
    minEntropy: 3,
    examples: {
      path: '.docker/config.json',
      bad: ['{ "auths": { "registry.acme.io": { "auth": "<<b64:40>>" } } }'],
      good: ['{ "auths": { "registry.acme.io": { "auth": "" } } }'],
    },
  }),
  ...tokenRules('RubyGems', [
    [
      'rubygems-api-key',
      'RubyGems API key',
      'rubygems_[a-f0-9]{48}',
      'rubygems_<<hex:48>>',
      'rubygems_<<hex:8>>',
    ],
  ]),
  ...tokenRules('NuGet', [
    [
      'nuget-api-key',
      'NuGet API key',
      'oy2[a-z0-9]{43}',
      'oy2<<low:43>>',
      'oy2<<low:8>>',
      { prefilter: 'oy2' },
    ],
  ]),
  ...tokenRules('Clojars', [
    [
      'clojars-token',
      'Clojars deploy token',
      'CLOJARS_[a-z0-9]{60}',
      'CLOJARS_<<low:60>>',
      'CLOJARS_<<low:8>>',
    ],
  ]),
  ...tokenRules('JFrog Artifactory', [
    [
      'artifactory-api-key',
      'JFrog Artifactory API key',
      'AKCp[A-Za-z0-9]{69}',
      'AKCp<<a62:69>>',
      'AKCp<<a62:8>>',
    ],
    [
      'artifactory-reference-token',
      'JFrog Artifactory reference token',
      'cmVmd[A-Za-z0-9]{59}',
      'cmVmd<<a62:59>>',
      'cmVmd<<a62:8>>',
    ],
  ]),
];
