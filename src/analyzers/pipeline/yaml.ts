/**
 * The pipeline analyzer's only door to YAML: every other file here imports from this one, so moving to
 * the shared bounded YAML-with-positions module is a change to this file alone.
 */
export type { YDoc, YEntry, YMap, YNode, YScalar, YSeq } from '../../parse/yaml/tree.js';
export { entry, get, isFalse, isTrue, items, parseYamlDocs, str } from '../../parse/yaml/tree.js';
