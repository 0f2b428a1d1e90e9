import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../core/errors.js';
import { collectScope, evaluate, resolveExpr } from './eval.js';
import { parseHcl } from './parser.js';

const SRC = `# comment
variable "cidr" {
  default = "0.0.0.0/0"
}
locals {
  ports = [22, 3389]
  tags  = { Name = "web", "env" : "prod" }
}

resource "aws_security_group" "web" {
  name = "web-\${var.env}"
  ingress {
    from_port   = -1
    cidr_blocks = [var.cidr] // trailing
  }
  /* multi
     line */
  policy = <<-EOT
    {"Statement": []}
  EOT
  count = var.on ? 1 : 0
  list  = [for p in local.ports : p if p > 1]
  ids   = aws_vpc.main[0].id
  fn    = jsonencode({ a = 1 })
}
module "db" {
  source = "./modules/db"
}
`;

describe('parseHcl', () => {
  const file = parseHcl(SRC);
  const scope = collectScope(file);

  it('keeps line numbers for blocks and attributes', () => {
    const sg = file.body.blocks.find((b) => b.type === 'resource')!;
    expect(sg.labels).toEqual(['aws_security_group', 'web']);
    expect(sg.line).toBe(10);
    expect(sg.endLine).toBe(25);
    const ingress = sg.body.blocks[0]!;
    expect(ingress.line).toBe(12);
    expect(ingress.body.attributes.get('cidr_blocks')!.line).toBe(14);
    expect(sg.body.attributes.get('policy')!.expr.heredoc).toBe(true);
    expect(sg.body.attributes.get('policy')!.expr.value).toBe('{"Statement": []}\n');
    expect(sg.body.attributes.get('count')!.line).toBe(21);
    expect(sg.body.attributes.get('count')!.expr.kind).toBe('complex');
    expect(sg.body.attributes.get('count')!.expr.text).toBe('var.on ? 1 : 0');
    expect(sg.body.attributes.get('ids')!.expr.ref).toBe('aws_vpc.main[0].id');
    expect(sg.body.attributes.get('fn')!.expr.args![0]!.kind).toBe('object');
    expect(file.body.blocks.find((b) => b.type === 'module')!.line).toBe(26);
  });

  it('resolves variables and locals with literal values', () => {
    const sg = file.body.blocks.find((b) => b.type === 'resource')!;
    expect(evaluate(sg.body.blocks[0]!.body.attributes.get('cidr_blocks')!.expr, scope)).toEqual([
      '0.0.0.0/0',
    ]);
    expect(evaluate(sg.body.blocks[0]!.body.attributes.get('from_port')!.expr, scope)).toBe(-1);
    expect(evaluate(scope.locals.get('tags'), scope)).toEqual({ Name: 'web', env: 'prod' });
    expect(evaluate(sg.body.attributes.get('name')!.expr, scope)).toBeUndefined();
    expect(
      resolveExpr(sg.body.blocks[0]!.body.attributes.get('cidr_blocks')!.expr.items![0], scope)!.line,
    ).toBe(3);
  });

  it('parses the constructs of real modules', () => {
    const src = [
      'locals {',
      '  m = { for k, v in var.x : k => v if v != null }',
      '  t = "a-%{ if var.on }on%{ else }off%{ endif }-${jsonencode({ "a" = "b}" })}"',
      '  c = (',
      '    var.a',
      '    ? 1',
      '    : 2',
      '  )',
      '  e = "$${not_interp}"',
      '}',
      'resource "aws_instance" "x" {',
      '  count = length(var.azs) > 0 ? 1 : 0',
      '  ids   = aws_subnet.private[*].id',
      '  tags  = merge(local.tags, {',
      '    Name = "x-${count.index}" # comment',
      '  })',
      '  lifecycle { ignore_changes = [tags["x"], ami] }',
      '  policy = jsonencode({',
      '    Statement = [for s in var.statements : { Effect = "Allow" }]',
      '  })',
      '  z = provider::aws::arn_parse("arn:aws:iam::123:role/x").account_id',
      '}',
      'terraform {',
      '  backend "s3" {}',
      '}',
    ].join('\n');
    const f = parseHcl(src);
    const res = f.body.blocks[1]!;
    expect([...res.body.attributes.keys()]).toEqual(['count', 'ids', 'tags', 'policy', 'z']);
    expect(res.body.blocks[0]!.type).toBe('lifecycle');
    expect(f.body.blocks[0]!.body.attributes.get('c')!.expr.kind).toBe('complex');
    expect(f.body.blocks[0]!.body.attributes.get('e')!.expr.value).toBe('${not_interp}');
    expect(res.body.attributes.get('z')!.line).toBe(21);
  });

  it('reports malformed input as a ParseError with the line', () => {
    const cases: [string, number][] = [
      ['a = 1\nb = "open\n', 2],
      ['resource "x" "y" {\n  a = 1\n', 3],
      ['a = 1\n\nb = = 2\n', 3],
      ['x = <<EOT\nno end\n', 1],
      ['a = 1\na = 2\n', 2],
      ['a = 1 2\n', 1],
    ];
    for (const [src, line] of cases) {
      let err: unknown;
      try {
        parseHcl(src);
      } catch (e) {
        err = e;
      }
      expect(err, src).toBeInstanceOf(ParseError);
      expect((err as ParseError).line, src).toBe(line);
    }
  });

  it('never throws anything but ParseError and never hangs on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        try {
          parseHcl(s);
        } catch (e) {
          if (!(e instanceof ParseError)) throw e;
        }
      }),
      { numRuns: 2000 },
    );
  });

  // Speed is measured in bench/iac, not asserted here (a timed assertion fails on a busy machine).
  it('parses long input and refuses deep input', () => {
    const long = 'a = [' + '1,'.repeat(200_000) + ']\n';
    expect(() => parseHcl(long)).not.toThrow();
    expect(() => parseHcl('a = ' + '['.repeat(5000))).toThrow(ParseError);
  });
});
