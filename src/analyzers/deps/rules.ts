import type { RuleMeta } from '../../core/rule.js';

const COMMON = {
  analyzer: 'deps',
  confidence: 'high',
  principles: ['asset-management'],
  phase: 'build',
  owasp: ['A03:2025', 'A08:2025'],
} as const satisfies Partial<RuleMeta>;

/** Lockfile integrity rules (OWASP A03 supply chain, A08 integrity). Advisory findings are dynamic (`deps/<id>`). */
export const INTEGRITY_RULES = [
  {
    ...COMMON,
    id: 'deps/resolved-over-http',
    title: 'Package resolved over plain HTTP',
    description:
      'The lockfile fetches a package over unencrypted HTTP, so anyone on the network path can replace the code the build installs.',
    severity: 'high',
    cwe: [494, 319],
    remediation:
      'Point the registry at an https:// URL (.npmrc, pip.conf, Cargo config) and regenerate the lockfile.',
  },
  {
    ...COMMON,
    id: 'deps/unexpected-registry',
    title: 'Package resolved from an unexpected registry host',
    description:
      'The package comes from a host other than the ecosystem’s public registry or a configured mirror: a dependency-confusion or tampered-lockfile sign.',
    severity: 'medium',
    confidence: 'medium',
    cwe: [829],
    remediation:
      'Check that the host is your intended registry; if it is a trusted mirror, add it to the deps `registries` option, otherwise regenerate the lockfile from the public registry.',
  },
  {
    ...COMMON,
    id: 'deps/missing-integrity',
    title: 'Locked package without an integrity hash',
    description:
      'Without a hash the package manager cannot detect that the downloaded archive differs from the one that was locked.',
    severity: 'medium',
    cwe: [494],
    remediation:
      'Regenerate the lockfile with a current package manager so every entry records its integrity hash.',
  },
  {
    ...COMMON,
    id: 'deps/git-unpinned',
    title: 'Git dependency not pinned to a commit',
    description:
      'A dependency taken from a git branch or tag can change under the same lockfile; only a full commit hash pins its content.',
    severity: 'medium',
    cwe: [829, 494],
    remediation:
      'Reference the dependency by a full 40-character commit hash (or publish it to a registry) and relock.',
  },
] as const satisfies readonly RuleMeta[];

export type IntegrityRuleId = (typeof INTEGRITY_RULES)[number]['id'];

/** A lockfile that must make the rule fire on `line` (bad) or stay quiet (good). */
export interface RuleExample {
  rule: IntegrityRuleId;
  kind: 'bad' | 'good';
  file: string;
  text: string;
  line?: number;
}

const npmLock = (entry: string): string =>
  `{\n  "name": "app",\n  "lockfileVersion": 3,\n  "requires": true,\n  "packages": {\n    "": { "dependencies": { "left-pad": "1.3.0" } },\n    "node_modules/left-pad": {\n${entry}\n    }\n  }\n}\n`;
const INTEGRITY =
  '"integrity": "sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQpHCxlYtyHRqH2rP2kbdHNnQ9BnQ2fRm/DqIhwsa3F7DW8A=="';

/** Bad and good examples for every integrity rule; the test suite runs all of them. */
export const RULE_EXAMPLES: readonly RuleExample[] = [
  {
    rule: 'deps/resolved-over-http',
    kind: 'bad',
    file: 'package-lock.json',
    line: 7,
    text: npmLock(
      `      "version": "1.3.0",\n      "resolved": "http://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",\n      ${INTEGRITY}`,
    ),
  },
  {
    rule: 'deps/resolved-over-http',
    kind: 'good',
    file: 'package-lock.json',
    text: npmLock(
      `      "version": "1.3.0",\n      "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",\n      ${INTEGRITY}`,
    ),
  },
  {
    rule: 'deps/resolved-over-http',
    kind: 'bad',
    file: 'yarn.lock',
    line: 4,
    text: '# yarn lockfile v1\n\n\nleft-pad@^1.3.0:\n  version "1.3.0"\n  resolved "http://registry.yarnpkg.com/left-pad/-/left-pad-1.3.0.tgz#5b8a3a7765dfe001261dde915589e782f8c94d1e"\n  integrity sha1-W4o6d2Xf4AEmHd6RVYnngvjJTR4=\n',
  },
  {
    rule: 'deps/unexpected-registry',
    kind: 'bad',
    file: 'package-lock.json',
    line: 7,
    text: npmLock(
      `      "version": "1.3.0",\n      "resolved": "https://npm.evil-mirror.example/left-pad/-/left-pad-1.3.0.tgz",\n      ${INTEGRITY}`,
    ),
  },
  {
    rule: 'deps/unexpected-registry',
    kind: 'good',
    file: 'package-lock.json',
    text: npmLock(
      `      "version": "1.3.0",\n      "resolved": "https://registry.yarnpkg.com/left-pad/-/left-pad-1.3.0.tgz",\n      ${INTEGRITY}`,
    ),
  },
  {
    rule: 'deps/unexpected-registry',
    kind: 'bad',
    file: 'Cargo.lock',
    line: 4,
    text: 'version = 3\n\n[[package]]\nname = "serde"\nversion = "1.0.200"\nsource = "registry+https://crates.mirror.example/index"\nchecksum = "ddc6f9cc94d67c0e21aaf7eda3a010fd3af78ebf6e096aa6e2e13c79749cce4f"\n',
  },
  {
    rule: 'deps/unexpected-registry',
    kind: 'good',
    file: 'Cargo.lock',
    text: 'version = 3\n\n[[package]]\nname = "serde"\nversion = "1.0.200"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "ddc6f9cc94d67c0e21aaf7eda3a010fd3af78ebf6e096aa6e2e13c79749cce4f"\n',
  },
  {
    rule: 'deps/missing-integrity',
    kind: 'bad',
    file: 'package-lock.json',
    line: 7,
    text: npmLock(
      `      "version": "1.3.0",\n      "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz"`,
    ),
  },
  {
    rule: 'deps/missing-integrity',
    kind: 'good',
    file: 'package-lock.json',
    text: npmLock(`      "version": "1.3.0",\n      ${INTEGRITY}`),
  },
  {
    rule: 'deps/missing-integrity',
    kind: 'bad',
    file: 'Cargo.lock',
    line: 4,
    text: 'version = 3\n\n[[package]]\nname = "serde"\nversion = "1.0.200"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n',
  },
  { rule: 'deps/missing-integrity', kind: 'good', file: 'requirements.txt', text: 'requests==2.32.3\n' },
  {
    // yarn v1 before `integrity` lines: the tarball's SHA-1 is the resolved URL's fragment, and yarn checks it.
    rule: 'deps/missing-integrity',
    kind: 'good',
    file: 'yarn.lock',
    text: '# yarn lockfile v1\n\n\nleft-pad@^1.3.0:\n  version "1.3.0"\n  resolved "https://registry.yarnpkg.com/left-pad/-/left-pad-1.3.0.tgz#5b8a3a7765dfe001261dde915589e782f8c94d1e"\n',
  },
  {
    // Neither an integrity line nor a hash in the URL.
    rule: 'deps/missing-integrity',
    kind: 'bad',
    file: 'yarn.lock',
    line: 4,
    text: '# yarn lockfile v1\n\n\nleft-pad@^1.3.0:\n  version "1.3.0"\n  resolved "https://registry.yarnpkg.com/left-pad/-/left-pad-1.3.0.tgz"\n',
  },
  {
    // A bundled dependency ships inside its parent's tarball and never records its own hash.
    rule: 'deps/missing-integrity',
    kind: 'good',
    file: 'package-lock.json',
    text: npmLock(`      "version": "1.3.0",\n      "inBundle": true`),
  },
  {
    rule: 'deps/git-unpinned',
    kind: 'bad',
    file: 'package-lock.json',
    line: 7,
    text: npmLock(
      `      "version": "1.3.0",\n      "resolved": "git+ssh://git@github.com/stevemao/left-pad.git#master"`,
    ),
  },
  {
    rule: 'deps/git-unpinned',
    kind: 'good',
    file: 'package-lock.json',
    text: npmLock(
      `      "version": "1.3.0",\n      "resolved": "git+ssh://git@github.com/stevemao/left-pad.git#5b8a3a7765dfe001261dde915589e782f8c94d1e"`,
    ),
  },
  {
    rule: 'deps/git-unpinned',
    kind: 'bad',
    file: 'Cargo.lock',
    line: 4,
    text: 'version = 3\n\n[[package]]\nname = "mycrate"\nversion = "0.1.0"\nsource = "git+https://github.com/example/mycrate?branch=main"\n',
  },
  {
    rule: 'deps/git-unpinned',
    kind: 'good',
    file: 'Cargo.lock',
    text: 'version = 3\n\n[[package]]\nname = "mycrate"\nversion = "0.1.0"\nsource = "git+https://github.com/example/mycrate?branch=main#0f48b6d60512a392e34dbf7fd456249fd2de3c83"\n',
  },
];
