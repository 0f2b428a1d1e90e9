/**
 * The Terraform facts the cross-check needs — resource blocks, their attributes with nested block
 * paths and lines — read with the shared HCL parser (src/analyzers/iac/hcl/), so that the iac
 * analyzer and the threat model see the same Terraform.
 */
import type { HclBlock, HclBody } from '../analyzers/iac/hcl/ast.js';
import { parseHcl } from '../analyzers/iac/hcl/parser.js';

export interface TfAttribute {
  /** Nested block path, e.g. ['ingress'] for `ingress { cidr_blocks = … }`; [] at the top of the resource. */
  block: string[];
  key: string;
  /** Raw value text on the attribute's first line (multi-line values keep their first line only). */
  value: string;
  line: number;
}

export interface TfResource {
  type: string;
  name: string;
  line: number;
  endLine: number;
  attributes: TfAttribute[];
  /** The whole block text, for reference lookups (`aws_security_group.web`). */
  text: string;
}

function collect(body: HclBody, path: string[], out: TfAttribute[]): void {
  const entries: TfAttribute[] = [];
  for (const a of body.attributes.values()) {
    entries.push({ block: path, key: a.name, value: a.expr.text.split('\n', 1)[0]!.trim(), line: a.line });
    // Object values (`tags = { Name = "web" }`) carry keys the cross-check reads too.
    for (const e of a.expr.entries ?? []) {
      entries.push({
        block: path,
        key: e.key,
        value: e.value.text.split('\n', 1)[0]!.trim(),
        line: e.keyLine,
      });
    }
  }
  for (const b of body.blocks) collect(b.body, [...path, b.type], entries);
  entries.sort((x, y) => x.line - y.line);
  out.push(...entries);
}

function resource(b: HclBlock, lines: readonly string[]): TfResource {
  const attributes: TfAttribute[] = [];
  collect(b.body, [], attributes);
  return {
    type: b.labels[0] ?? '',
    name: b.labels[1] ?? '',
    line: b.line,
    endLine: b.endLine,
    attributes,
    text: lines.slice(b.line - 1, b.endLine).join('\n'),
  };
}

/** The resource blocks of a Terraform file. Malformed HCL throws the parser's ParseError (with its line). */
export function scanTerraform(text: string): TfResource[] {
  const file = parseHcl(text);
  const lines = text.split(/\r?\n/);
  return file.body.blocks
    .filter((b) => b.type === 'resource' && b.labels.length >= 2)
    .map((b) => resource(b, lines));
}

/** The first attribute `key` in `block` (top level by default). */
export function tfAttr(r: TfResource, key: string, block: string[] = []): TfAttribute | undefined {
  return r.attributes.find((a) => a.key === key && a.block.join('.') === block.join('.'));
}

/** A Terraform literal: unquoted strings, booleans as text. */
export function tfValue(a: TfAttribute | undefined): string | undefined {
  if (!a) return undefined;
  const v = a.value.replace(/\s*(#|\/\/).*$/, '').trim();
  return v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v;
}
