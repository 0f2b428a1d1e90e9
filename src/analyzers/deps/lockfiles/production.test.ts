import { describe, expect, it } from 'vitest';
import { parseBunLock } from './bun.js';
import { parsePnpmLock } from './pnpm.js';
import type { Inventory } from './types.js';
import { parseYarnLock } from './yarn.js';

// Which packages a production install leaves out, for the protocols a manifest can name: an `npm:` alias, a
// local folder (`file:`), a link (`link:`), a workspace (`workspace:`) and a yarn patch (`patch:`).
const devOf = (inv: Inventory): string[] =>
  inv.packages
    .filter((p) => p.dev)
    .map((p) => `${p.name}@${p.version}`)
    .sort();

const YARN_V1 = `# yarn lockfile v1


"alias@npm:real@^1.0.0":
  version "1.0.0"
  dependencies:
    sub "^2.0.0"

"local@file:./local":
  version "0.1.0"
  dependencies:
    sub2 "^1.0.0"

sub@^2.0.0:
  version "2.0.0"

sub2@^1.0.0:
  version "1.0.0"

devthing@^3.0.0:
  version "3.0.0"
  dependencies:
    devsub "^1.0.0"
    sub "^2.0.0"

devsub@^1.0.0:
  version "1.0.0"
`;

const V1_MANIFEST = JSON.stringify({
  dependencies: { alias: 'npm:real@^1.0.0', local: 'file:./local', linked: 'link:../linked' },
  peerDependencies: { 'host-app': '^1.0.0' },
  devDependencies: { devthing: '^3.0.0' },
});

describe('yarn 1', () => {
  it('walks aliases and local folders from the production fields; links and absent peers install nothing', () => {
    const inv = parseYarnLock(YARN_V1, { manifest: V1_MANIFEST });
    expect(devOf(inv)).toEqual(['devsub@1.0.0', 'devthing@3.0.0']);
    expect(inv.notes).toEqual([]);
    expect(inv.devMarked).toBe(true);
  });

  it('a workspace root: its workspaces are not named in the lockfile, so nothing is marked', () => {
    const manifest = JSON.stringify({ ...JSON.parse(V1_MANIFEST), workspaces: ['packages/*'] });
    const inv = parseYarnLock(YARN_V1, { manifest });
    expect(devOf(inv)).toEqual([]);
    expect(inv.notes.join()).toMatch(/declares workspaces/);
  });

  it('an unreadable manifest: nothing is marked', () => {
    const inv = parseYarnLock(YARN_V1, { manifest: '{"dependencies": ' });
    expect(devOf(inv)).toEqual([]);
    expect(inv.notes.join()).toMatch(/package\.json could not be read/);
  });

  it('a production package whose dependency has no entry: nothing is marked', () => {
    const inv = parseYarnLock(YARN_V1.replace('    sub2 "^1.0.0"', '    sub2 "^1.0.0"\n    gone "^9.0.0"'), {
      manifest: V1_MANIFEST,
    });
    expect(devOf(inv)).toEqual([]);
    expect(inv.notes.join()).toMatch(/local's dependency gone@\^9\.0\.0 has no entry/);
  });
});

const BERRY = `__metadata:
  version: 8

"app@workspace:.":
  version: 0.0.0-use.local
  resolution: "app@workspace:."
  dependencies:
    lib: "workspace:^"
    resolve: "patch:resolve@npm%3A^1.22.0#~builtin<compat/resolve>"
    tool: "npm:^1.0.0"
  languageName: unknown
  linkType: soft

"lib@workspace:^, lib@workspace:packages/lib":
  version: 0.0.0-use.local
  resolution: "lib@workspace:packages/lib"
  dependencies:
    devonly: "npm:^2.0.0"
    left: "npm:^1.0.0"
  languageName: unknown
  linkType: soft

"resolve@patch:resolve@npm%3A^1.22.0#~builtin<compat/resolve>":
  version: 1.22.1
  resolution: "resolve@patch:resolve@npm%3A1.22.1#~builtin<compat/resolve>::version=1.22.1&hash=07638b"
  dependencies:
    is-core: "npm:^2.0.0"
  languageName: node
  linkType: hard

"is-core@npm:^2.0.0":
  version: 2.0.0
  resolution: "is-core@npm:2.0.0"
  languageName: node
  linkType: hard

"left@npm:^1.0.0":
  version: 1.0.0
  resolution: "left@npm:1.0.0"
  languageName: node
  linkType: hard

"devonly@npm:^2.0.0":
  version: 2.0.0
  resolution: "devonly@npm:2.0.0"
  languageName: node
  linkType: hard

"tool@npm:^1.0.0":
  version: 1.0.0
  resolution: "tool@npm:1.0.0"
  languageName: node
  linkType: hard
`;

describe('yarn Berry', () => {
  const manifest = JSON.stringify({
    dependencies: { lib: 'workspace:^', resolve: '^1.22.0' },
    devDependencies: { tool: '^1.0.0' },
  });
  const lib = JSON.stringify({ dependencies: { left: '^1.0.0' }, devDependencies: { devonly: '^2.0.0' } });

  it("reads each workspace's production fields from its own manifest, through patches", () => {
    const inv = parseYarnLock(BERRY, { manifest, workspaceManifests: new Map([['packages/lib', lib]]) });
    expect(devOf(inv)).toEqual(['devonly@2.0.0', 'tool@1.0.0']);
    expect(inv.notes).toEqual([]);
  });

  it("a workspace's manifest missing: nothing is marked", () => {
    const inv = parseYarnLock(BERRY, { manifest, workspaceManifests: new Map() });
    expect(devOf(inv)).toEqual([]);
    expect(inv.notes.join()).toMatch(/no packages\/lib\/package\.json beside it/);
  });
});

const PNPM9 = `lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      alias:
        specifier: npm:real@^1.0.0
        version: real@1.0.0
      local:
        specifier: file:./local
        version: file:./local
      ws:
        specifier: workspace:*
        version: link:packages/ws
    devDependencies:
      devthing:
        specifier: ^3.0.0
        version: 3.0.0

  packages/ws:
    dependencies:
      left:
        specifier: ^1.0.0
        version: 1.0.0
    devDependencies:
      devonly:
        specifier: ^2.0.0
        version: 2.0.0

packages:

  devonly@2.0.0:
    resolution: {integrity: sha512-a}

  devthing@3.0.0:
    resolution: {integrity: sha512-b}

  left@1.0.0:
    resolution: {integrity: sha512-c}

  local@file:./local:
    resolution: {directory: local, type: directory}

  real@1.0.0:
    resolution: {integrity: sha512-d}

  sub@2.0.0:
    resolution: {integrity: sha512-e}

snapshots:

  devonly@2.0.0: {}

  devthing@3.0.0:
    dependencies:
      left: 1.0.0

  left@1.0.0: {}

  local@file:./local:
    dependencies:
      sub: 2.0.0

  real@1.0.0: {}

  sub@2.0.0: {}
`;

describe('pnpm 9', () => {
  it('walks every importer from its production fields: aliases, local folders; links are importers', () => {
    const inv = parsePnpmLock(PNPM9);
    expect(devOf(inv)).toEqual(['devonly@2.0.0', 'devthing@3.0.0']);
    expect(inv.notes).toEqual([]);
  });

  it('an importer dependency with no entry: nothing is marked', () => {
    const inv = parsePnpmLock(
      PNPM9.replace(
        '        version: 1.0.0\n    devDependencies',
        '        version: 1.0.1\n    devDependencies',
      ),
    );
    expect(devOf(inv)).toEqual([]);
    expect(inv.notes.join()).toMatch(/importer packages\/ws's dependencies left@1\.0\.1 has no entry/);
  });
});

const BUN = `{
  "lockfileVersion": 1,
  "workspaces": {
    "": { "name": "app", "dependencies": { "alias": "npm:real@^1.0.0", "ws": "workspace:*" }, "devDependencies": { "devthing": "^3.0.0" } },
    "packages/ws": { "name": "ws", "dependencies": { "left": "^1.1.0" }, "devDependencies": { "devonly": "^2.0.0" } },
  },
  "packages": {
    "alias": ["real@1.0.0", "", { "dependencies": { "sub": "^2.0.0" } }, "sha512-a"],
    "devonly": ["devonly@2.0.0", "", {}, "sha512-b"],
    "devthing": ["devthing@3.0.0", "", { "dependencies": { "left": "^1.0.0" } }, "sha512-c"],
    "left": ["left@1.0.0", "", {}, "sha512-d"],
    "sub": ["sub@2.0.0", "", {}, "sha512-e"],
    "ws": ["ws@workspace:packages/ws"],
    "ws/left": ["left@1.1.0", "", {}, "sha512-f"],
  }
}
`;

describe('bun', () => {
  it("walks every workspace from its production fields, a workspace's own copy first", () => {
    const inv = parseBunLock(BUN);
    expect(devOf(inv)).toEqual(['devonly@2.0.0', 'devthing@3.0.0', 'left@1.0.0']);
    expect(inv.packages.find((p) => p.id === 'ws/left')!.dev).toBeUndefined();
  });

  it('a dependency with no entry: nothing is marked', () => {
    const inv = parseBunLock(BUN.replace('{ "sub": "^2.0.0" }', '{ "sub": "^2.0.0", "gone": "^1.0.0" }'));
    expect(devOf(inv)).toEqual([]);
    expect(inv.notes.join()).toMatch(/real's dependency gone has no entry/);
  });
});
