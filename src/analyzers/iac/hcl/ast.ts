/** The HCL syntax tree: bodies of attributes and blocks, expressions kept as text with their structure. */

export type HclLiteral = string | number | boolean | null;

export type ExprKind = 'literal' | 'template' | 'list' | 'object' | 'ref' | 'call' | 'complex';

export interface HclObjectEntry {
  key: string;
  keyLine: number;
  value: HclExpr;
}

export interface HclExpr {
  kind: ExprKind;
  line: number;
  endLine: number;
  /** The source text of the expression. */
  text: string;
  /** For literals (and templates without interpolation): the decoded value. */
  value?: HclLiteral;
  /** True for heredoc strings; `line` is then the line of the `<<TAG` marker. */
  heredoc?: boolean;
  items?: HclExpr[];
  entries?: HclObjectEntry[];
  /** For references: the traversal text, e.g. `var.cidr` or `aws_vpc.main.id`. */
  ref?: string;
  /** For calls: the function name and arguments. */
  name?: string;
  args?: HclExpr[];
}

export interface HclAttribute {
  name: string;
  line: number;
  expr: HclExpr;
}

export interface HclBlock {
  type: string;
  labels: string[];
  line: number;
  endLine: number;
  body: HclBody;
}

export interface HclBody {
  attributes: Map<string, HclAttribute>;
  blocks: HclBlock[];
}

/** A parsed file. */
export interface HclFile {
  body: HclBody;
}
