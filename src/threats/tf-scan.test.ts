import { describe, expect, it } from 'vitest';
import { ParseError } from '../core/errors.js';
import { scanTerraform, tfAttr, tfValue } from './tf-scan.js';

describe('scanTerraform', () => {
  it('finds resources, attributes with lines and nested blocks, skipping heredocs and comments', () => {
    const tf = [
      'provider "aws" { region = "eu-west-1" }', // 1
      '/* resource "aws_s3_bucket" "commented" {', // 2
      '} */', // 3
      'resource "aws_security_group" "web" {', // 4
      '  name = "web" # the web tier', // 5
      '  ingress {', // 6
      '    from_port   = 443', // 7
      '    cidr_blocks = ["0.0.0.0/0"]', // 8
      '  }', // 9
      '  description = <<-EOT', // 10
      '    braces { in a heredoc', // 11
      '  EOT', // 12
      '  egress { cidr_blocks = ["10.0.0.0/8"] }', // 13
      '}', // 14
      'resource "aws_db_instance" "orders" {', // 15
      '  vpc_security_group_ids = [aws_security_group.web.id]', // 16
      '  storage_encrypted = false', // 17
      '}', // 18
    ].join('\n');
    const rs = scanTerraform(tf);
    expect(rs.map((r) => `${r.type}.${r.name}:${r.line}-${r.endLine}`)).toEqual([
      'aws_security_group.web:4-14',
      'aws_db_instance.orders:15-18',
    ]);
    const sg = rs[0]!;
    expect(tfAttr(sg, 'cidr_blocks', ['ingress'])).toMatchObject({ line: 8, value: '["0.0.0.0/0"]' });
    expect(tfValue(tfAttr(sg, 'name'))).toBe('web');
    expect(tfAttr(sg, 'from_port')).toBeUndefined();
    expect(tfValue(tfAttr(rs[1]!, 'storage_encrypted'))).toBe('false');
    expect(rs[1]!.text).toContain('aws_security_group.web');
  });

  it('reads a large file, and reports malformed HCL with its line instead of guessing', () => {
    const attrs = Array.from({ length: 50_000 }, (_, i) => `  x${i} = "{{{{{{"\n`).join('');
    const rs = scanTerraform(`resource "a" "b" {\n${attrs}}\n`);
    expect(rs).toHaveLength(1);
    expect(rs[0]?.attributes).toHaveLength(50_000);
    expect(rs[0]?.endLine).toBe(50_002);
    expect(() => scanTerraform('resource "a" "b" {\n  x = "1"\n')).toThrow(ParseError);
  });
});
