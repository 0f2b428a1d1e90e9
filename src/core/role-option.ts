import { roleClassifier, testRoleFromContent, type FileRole, type RoleOverrides } from './file-role.js';

// The scan's role classifier for the user's role globs (an analyzer's `roles` option, vanguard.yaml's), one per scan.
const classifiers = new WeakMap<object, ReturnType<typeof roleClassifier>>();
const NO_OVERRIDES: RoleOverrides = {};

/**
 * The role the scan gives the file at `path` for an analyzer whose `options` carry the user's role globs (`roles`):
 * the globs first (a `testing/` package vanguard.yaml says ships is source), then its path, or its content (a
 * `test.py` defining a test case). An analyzer's audit shapes that depend on a test role read it here.
 */
export function roleOfFile(path: string, text: string, options: Readonly<Record<string, unknown>>): FileRole {
  const roles = options['roles'];
  const overrides = typeof roles === 'object' && roles !== null ? (roles as RoleOverrides) : NO_OVERRIDES;
  let classify = classifiers.get(overrides);
  if (classify === undefined) classifiers.set(overrides, (classify = roleClassifier(overrides)));
  return classify(path, testRoleFromContent(text, path));
}
