/**
 * A small, linear-time, line-aware scan of Terraform for the few facts the cross-check needs:
 * resource blocks with their attribute lines and nested block names. It is not an HCL parser
 * (expressions are kept as raw text). It predates the shared HCL parser (`parseHcl` in
 * src/analyzers/iac/hcl/) and should be replaced by it, keeping the facts and their lines.
 */

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

const RESOURCE = /^\s*resource\s+"([A-Za-z0-9_-]{1,128})"\s+"([A-Za-z0-9_-]{1,128})"\s*\{\s*$/;
const ATTRIBUTE = /^\s*([A-Za-z_][A-Za-z0-9_-]{0,127})\s*=\s*(.{0,2000})$/;
const BLOCK_OPEN = /^\s*([A-Za-z_][A-Za-z0-9_-]{0,127})(?:\s+"[^"]{0,256}")*\s*\{\s*$/;
const HEREDOC = /<<-?([A-Za-z_][A-Za-z0-9_]{0,63})\s*$/;

/** Net brace change of a line, ignoring strings and comments. */
function braceDelta(line: string): number {
  let d = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '#' || (c === '/' && line[i + 1] === '/')) break;
    else if (c === '{') d++;
    else if (c === '}') d--;
  }
  return d;
}

/** Resource blocks of a .tf file; unterminated blocks end at the end of the file. */
export function scanTerraform(text: string): TfResource[] {
  const lines = text.split(/\r?\n/);
  const out: TfResource[] = [];
  let current: TfResource | undefined;
  let depth = 0;
  const blocks: { name: string; depth: number }[] = [];
  let heredoc: string | undefined;
  let inComment = false;
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (heredoc !== undefined) {
      if (raw.trim() === heredoc) heredoc = undefined;
      continue;
    }
    if (inComment) {
      if (raw.includes('*/')) inComment = false;
      continue;
    }
    if (raw.trimStart().startsWith('/*')) {
      inComment = !raw.includes('*/');
      continue;
    }
    if (!current) {
      const m = RESOURCE.exec(raw);
      if (m) {
        current = {
          type: m[1] ?? '',
          name: m[2] ?? '',
          line: i + 1,
          endLine: i + 1,
          attributes: [],
          text: '',
        };
        depth = 1;
        start = i;
        blocks.length = 0;
      }
      continue;
    }
    const h = HEREDOC.exec(raw);
    const open = BLOCK_OPEN.exec(raw);
    if (open && !raw.includes('=')) {
      blocks.push({ name: open[1] ?? '', depth });
    } else {
      const a = ATTRIBUTE.exec(raw);
      if (a)
        current.attributes.push({
          block: blocks.map((b) => b.name),
          key: a[1] ?? '',
          value: (a[2] ?? '').trim(),
          line: i + 1,
        });
    }
    if (h) {
      heredoc = h[1];
      continue;
    }
    depth += braceDelta(raw);
    while (blocks.length > 0 && depth <= (blocks[blocks.length - 1]?.depth ?? 0)) blocks.pop();
    if (depth <= 0) {
      current.endLine = i + 1;
      current.text = lines.slice(start, i + 1).join('\n');
      out.push(current);
      current = undefined;
    }
  }
  if (current) {
    current.endLine = lines.length;
    current.text = lines.slice(start).join('\n');
    out.push(current);
  }
  return out;
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
