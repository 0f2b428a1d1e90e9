import { roleClassifier, testRoleFromContent, type FileRole, type RoleOverrides } from './file-role.js';

// The scan's role classifier for the user's role globs (an analyzer's `roles` option, vanguard.yaml's), one per scan.
const classifiers = new WeakMap<object, ReturnType<typeof roleClassifier>>();
const NO_OVERRIDES: RoleOverrides = {};
// The same per scanned tree (its set of paths), for a caller that gives it.
const treeClassifiers = new WeakMap<
  ReadonlySet<string>,
  WeakMap<object, ReturnType<typeof roleClassifier>>
>();

/**
 * The role the scan gives the file at `path` for an analyzer whose `options` carry the user's role globs (`roles`):
 * the globs first (a `testing/` package vanguard.yaml says ships is source), then its path, or its content (a
 * `test.py` defining a test case). An analyzer's audit shapes that depend on a test role read it here.
 */
export function roleOfFile(
  path: string,
  text: string,
  options: Readonly<Record<string, unknown>>,
  paths?: ReadonlySet<string>,
): FileRole {
  const roles = options['roles'];
  const overrides = typeof roles === 'object' && roles !== null ? (roles as RoleOverrides) : NO_OVERRIDES;
  // Given the scanned tree, a package's compiled dist/ that is the only copy of its modules takes the role of its
  // path without dist/ (core/shipped-build.ts), as the scan's role stage gives it: `dist/x.test.js` is a test.
  let perTree = paths ? treeClassifiers.get(paths) : undefined;
  if (paths && !perTree) treeClassifiers.set(paths, (perTree = new WeakMap()));
  const kept = perTree ?? classifiers;
  let classify = kept.get(overrides);
  if (classify === undefined) kept.set(overrides, (classify = roleClassifier(overrides, paths)));
  return classify(path, testRoleFromContent(text, path));
}
