import type { DockerfileParser, PropertyInstruction } from 'dockerfile-ast';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../core/errors.js';
import { dockerInstructions } from './instructions.js';
import { dockerProperties } from './words.js';

const all = (text: string) =>
  [...dockerInstructions(text)].map((i) => ({
    keyword: i.keyword,
    line: i.line,
    endLine: i.endLine,
    args: i.args,
  }));

describe('dockerInstructions', () => {
  it('joins continuation lines as Docker does, dropping comment and blank lines inside them', () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      '',
      'FROM debian:12 AS build',
      '  # a comment',
      'RUN apt-get update && \\',
      '    # why curl',
      '',
      '    apt-get install -y curl \\   ',
      '    && rm -rf /var/lib/apt/lists/*',
      'USER app',
    ].join('\n');
    expect(all(text)).toEqual([
      { keyword: 'FROM', line: 3, endLine: 3, args: 'debian:12 AS build' },
      {
        keyword: 'RUN',
        line: 5,
        endLine: 9,
        args: 'apt-get update &&     apt-get install -y curl     && rm -rf /var/lib/apt/lists/*',
      },
      { keyword: 'USER', line: 10, endLine: 10, args: 'app' },
    ]);
    const run = [...dockerInstructions(text)][1]!;
    expect(run.lineAt(run.args.indexOf('curl'))).toBe(8);
    expect(run.lineAt(run.args.indexOf('rm'))).toBe(9);
    expect(run.lineAt(0)).toBe(5);
    expect(run.lineText(8)).toBe('    apt-get install -y curl \\   ');
  });

  it('honours the escape directive, a BOM and CRLF line endings', () => {
    const text =
      '\uFEFF# escape=`\r\nFROM mcr.microsoft.com/windows:ltsc2022\r\nRUN dir c:\\ `\r\n    && echo done\r\n';
    expect(all(text)).toEqual([
      { keyword: 'FROM', line: 2, endLine: 2, args: 'mcr.microsoft.com/windows:ltsc2022' },
      { keyword: 'RUN', line: 3, endLine: 4, args: 'dir c:\\     && echo done' },
    ]);
    expect(() => all('# escape=x\nFROM a\n')).toThrow(ParseError);
    // A directive after an instruction or a comment is a comment.
    expect(all('FROM a\n# escape=`\nRUN a \\\n b\n').map((i) => i.args)).toEqual(['a', 'a  b']);
  });

  it('reads here-documents as part of the instruction, up to their terminator', () => {
    const text = [
      'FROM alpine:3.20',
      'RUN <<EOF',
      'FROM not-an-instruction',
      'curl -fsSL https://x.io/i.sh | sh',
      'EOF',
      'COPY <<-"A" /a <<B /b',
      '\tone',
      '\tA',
      'two',
      'B',
      'ONBUILD RUN <<X',
      'x',
      'X',
      'USER app',
    ].join('\n');
    const ins = [...dockerInstructions(text)];
    expect(ins.map((i) => [i.keyword, i.line, i.endLine])).toEqual([
      ['FROM', 1, 1],
      ['RUN', 2, 5],
      ['COPY', 6, 10],
      ['ONBUILD', 11, 13],
      ['USER', 14, 14],
    ]);
    expect(ins[1]!.args).toBe('<<EOF\nFROM not-an-instruction\ncurl -fsSL https://x.io/i.sh | sh');
    expect(ins[1]!.lineAt(ins[1]!.args.indexOf('curl'))).toBe(4);
    expect(ins[2]!.args).toBe('<<-"A" /a <<B /b\none\ntwo');
    expect(ins[2]!.lineAt(ins[2]!.args.indexOf('two'))).toBe(9);
  });

  it('ends an instruction at the end of the file, inside a continuation or a here-document', () => {
    expect(all('FROM a\nRUN a \\\n')).toEqual([
      { keyword: 'FROM', line: 1, endLine: 1, args: 'a' },
      { keyword: 'RUN', line: 2, endLine: 2, args: 'a' },
    ]);
    expect(all('RUN <<EOF\nls')).toEqual([{ keyword: 'RUN', line: 1, endLine: 2, args: '<<EOF\nls' }]);
    expect(all('\\\n  RUN ls\n\\\n')).toEqual([{ keyword: 'RUN', line: 1, endLine: 2, args: 'ls' }]);
  });

  it('holds one instruction at a time: a million-line instruction is one string and a line table', () => {
    const text = `FROM a\nRUN x \\\n${'  y \\\n'.repeat(1_000_000)}  z\nUSER b\n`;
    const seen: [string, number, number][] = [];
    for (const i of dockerInstructions(text)) seen.push([i.keyword, i.line, i.lineAt(i.args.length - 1)]);
    expect(seen).toEqual([
      ['FROM', 1, 1],
      ['RUN', 2, 1_000_003],
      ['USER', 1_000_004, 1_000_004],
    ]);
  });
});

describe('dockerProperties', () => {
  it('reads ENV and ARG as Docker does: quotes, escapes, the legacy form and bare names', () => {
    expect(dockerProperties('ENV', 'A=1 B="two words" C=\'x\\y\' D=a\\ b E="q\\"q"')).toEqual([
      { name: 'A', value: '1', offset: 0 },
      { name: 'B', value: 'two words', offset: 4 },
      { name: 'C', value: 'x\\y', offset: 18 },
      { name: 'D', value: 'a b', offset: 26 },
      { name: 'E', value: 'q"q', offset: 33 },
    ]);
    expect(dockerProperties('ENV', 'PATH /usr/local/bin:$PATH  x')).toEqual([
      { name: 'PATH', value: '/usr/local/bin:$PATH x', offset: 0 },
    ]);
    expect(dockerProperties('ARG', 'TOKEN VERSION=1.2')).toEqual([
      { name: 'TOKEN', value: null, offset: 0 },
      { name: 'VERSION', value: '1.2', offset: 6 },
    ]);
  });
});

// The splitter checked against dockerfile-ast (the full parser this module replaced) on generated
// Dockerfiles: the same instructions, on the same lines, with the same arguments (whitespace aside,
// which Docker keeps and dockerfile-ast trims around line breaks) and the same ENV/ARG properties.
describe('dockerInstructions agrees with dockerfile-ast', () => {
  const Parser = (
    createRequire(import.meta.url)('dockerfile-ast') as { DockerfileParser: typeof DockerfileParser }
  ).DockerfileParser;
  const word = fc.oneof(
    fc.constantFrom(
      'apt-get',
      'install',
      '-y',
      'curl',
      '&&',
      '|',
      'sh',
      'a=1',
      'B="x y"',
      "C='z'",
      '$HOME',
      '${V}',
    ),
    fc.stringMatching(/^[a-z0-9_.:/-][a-z0-9_.:/=-]{0,7}$/),
  );
  const physical = fc.tuple(
    fc.constantFrom('', ' ', '  ', '\t'),
    fc.array(word, { minLength: 1, maxLength: 4 }),
  );
  const instruction = fc.record({
    keyword: fc.constantFrom('FROM', 'RUN', 'ENV', 'ARG', 'USER', 'EXPOSE', 'COPY', 'LABEL', 'run', 'Env'),
    lines: fc.array(physical, { minLength: 1, maxLength: 4 }),
    // Not an indented comment: BuildKit drops it from a continuation, dockerfile-ast keeps it.
    between: fc.array(fc.constantFrom('# note', ''), { maxLength: 2 }),
    trailing: fc.constantFrom('', ' ', '\t '),
  });
  const dockerfile = fc.record({
    items: fc.array(fc.oneof(instruction, fc.constantFrom('# comment', '', '   ')), { maxLength: 8 }),
    eol: fc.constantFrom('\n', '\r\n'),
  });
  type Generated = typeof instruction extends fc.Arbitrary<infer T> ? T : never;
  const render = (d: { items: (string | Generated)[]; eol: string }): string => {
    const out: string[] = [];
    for (const ins of d.items) {
      if (typeof ins === 'string') {
        out.push(ins);
        continue;
      }
      ins.lines.forEach(([indent, words], i) => {
        const last = i === ins.lines.length - 1;
        const text = `${i === 0 ? `${ins.keyword} ` : indent}${words.join(' ')}`;
        out.push(last ? text : `${text} \\${ins.trailing}`);
        if (!last) out.push(...ins.between);
      });
    }
    return out.join(d.eol) + d.eol;
  };
  const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

  it('on instructions, lines, arguments and properties', () => {
    fc.assert(
      fc.property(dockerfile, (d) => {
        // dockerfile-ast reads `FROM 0-- -- / a` as the flag `--` with the arguments `-- / a`, dropping
        // `0--` (a first word with `--` after its first character, `-a--` too, then one starting with `--`);
        // BuildKit and the splitter keep every word. Such inputs say nothing about the splitter and are left out.
        fc.pre(
          !d.items.some((ins) => {
            if (typeof ins === 'string') return false;
            const words = ins.lines.flatMap(([, w]) => w);
            return /^(?!--)\S+--/.test(words[0] ?? '') && (words[1] ?? '').startsWith('--');
          }),
        );
        const text = render(d);
        const ours = [...dockerInstructions(text)];
        const theirs = Parser.parse(text).getInstructions();
        // dockerfile-ast leaves the leading `--flag`s out of the arguments; the splitter keeps them.
        const flagged = new Set([
          'ADD',
          'CMD',
          'COPY',
          'ENTRYPOINT',
          'FROM',
          'HEALTHCHECK',
          'RUN',
          'SHELL',
          'VOLUME',
        ]);
        const args = (i: { keyword: string; args: string }): string =>
          flagged.has(i.keyword) ? squash(i.args).replace(/^(?:--\S*(?: |$))+/, '') : squash(i.args);
        expect(ours.map((i) => [i.keyword, i.line, args(i)])).toEqual(
          theirs.map((i) => [
            i.getKeyword(),
            i.getRange().start.line + 1,
            squash(i.getArgumentsContent() ?? ''),
          ]),
        );
        ours.forEach((i, n) => {
          if (i.keyword !== 'ENV' && i.keyword !== 'ARG') return;
          // Where Docker refuses the line (ENV a=1 b) or reads it differently from dockerfile-ast
          // (ARG a b: two bare names in Docker, a = "b" in dockerfile-ast), there is nothing to agree on.
          const words = i.args.split(/\s+/);
          const assigns = words.filter((w) => w.includes('=')).length;
          if (assigns > 0 && assigns < words.length && (i.keyword === 'ARG' || words[0]!.includes('=')))
            return;
          if (i.keyword === 'ARG' && assigns === 0 && words.length > 1) return;
          // Quotes inside a legacy `ENV name value`: dockerfile-ast removes them only around the whole value.
          if (i.keyword === 'ENV' && !words[0]!.includes('=') && /["']/.test(i.args)) return;
          const props = (theirs[n] as PropertyInstruction).getProperties().map((p) => ({
            name: p.getName(),
            value: p.getValue()?.replace(/\s+/g, ' ') ?? null,
            line: p.getRange().start.line + 1,
          }));
          const mine = dockerProperties(i.keyword, i.args).map((p) => ({
            name: p.name,
            value: p.value,
            line: i.lineAt(p.offset),
          }));
          expect(mine).toEqual(props);
        });
      }),
      { numRuns: 400 },
    );
  });
});
