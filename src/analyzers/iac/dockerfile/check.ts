import type { Arg, DockerfileParser, Env, Instruction, ModifiableInstruction } from 'dockerfile-ast';
import { createRequire } from 'node:module';
import type { SourceFile } from '../../../core/analyzer.js';
import { ParseError } from '../../../core/errors.js';
import type { RawFinding } from '../../../core/finding.js';
import { ADMIN_PORTS, PLAINTEXT_PORTS, Reporter } from '../common.js';
import { isFetchPipeShell, isLiteralSecret } from '../shell.js';
import { parseImageRef } from '../image-ref.js';
import { unpinnedPackages } from './packages.js';
import {
  DF_ADD_REMOTE,
  DF_CURL_PIPE_SHELL,
  DF_EXPOSE_PLAINTEXT,
  DF_SECRET_ENV,
  DF_SUDO,
  DF_UNPINNED_BASE,
  DF_UNPINNED_PACKAGE,
  DF_USER_ROOT,
} from './rules.js';

let parser: typeof DockerfileParser | undefined;

/** dockerfile-ast (and the language-server types it brings) load when a scan meets a Dockerfile. */
function dockerfileParser(): typeof DockerfileParser {
  return (parser ??= (
    createRequire(import.meta.url)('dockerfile-ast') as { DockerfileParser: typeof DockerfileParser }
  ).DockerfileParser);
}

const KEYWORDS = new Set([
  'FROM',
  'RUN',
  'CMD',
  'LABEL',
  'MAINTAINER',
  'EXPOSE',
  'ENV',
  'ADD',
  'COPY',
  'ENTRYPOINT',
  'VOLUME',
  'USER',
  'WORKDIR',
  'ARG',
  'ONBUILD',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL',
]);
const SUDO = /(?:^|&&|\|\||;|\||\(|`)\s{0,8}sudo\s/;
const ROOT_USER = /^(?:root|0)(?::.{0,64})?$/;

interface Stage {
  name: string | undefined;
  fromLine: number;
  image: string;
  /** The last USER of the stage (inherited from a parent stage when unset). */
  user: { value: string; line: number } | undefined;
}

function lineOf(i: { getRange(): { start: { line: number } } }): number {
  return i.getRange().start.line + 1;
}

/** The physical line of an instruction that contains `needle` (instructions may span lines). */
function lineWith(file: SourceFile, ins: Instruction, needle: string): number {
  const r = ins.getRange();
  const lines = file.lines();
  for (let l = r.start.line; l <= r.end.line; l++) if (lines[l]?.includes(needle)) return l + 1;
  return r.start.line + 1;
}

function substitute(text: string, args: ReadonlyMap<string, string>): string {
  return text.replace(
    /\$\{?([A-Za-z_][A-Za-z0-9_]{0,100})(?::-([^}]{0,200}))?\}?/g,
    (_m, name: string, dflt?: string) => args.get(name) ?? dflt ?? '',
  );
}

// dockerfile-ast keeps about 2.6 KB of objects per physical line; real Dockerfiles have a few
// hundred lines, so these bounds keep its memory small without refusing any real file.
const MAX_LINES = 20_000;
const MAX_INSTRUCTION_LINES = 5_000;

/** Refuses, before parsing, a Dockerfile too long for the parser's per-line memory. */
function checkSize(text: string): void {
  let lines = 0;
  let run = 0;
  let start = 0;
  for (let nl = text.indexOf('\n'); start < text.length; nl = text.indexOf('\n', start)) {
    const end = nl < 0 ? text.length : nl;
    lines++;
    // A line ending in a backslash continues the instruction (trailing spaces allowed).
    let i = end - 1;
    while (i >= start && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 13 || text.charCodeAt(i) === 9))
      i--;
    run = i >= start && text.charCodeAt(i) === 92 ? run + 1 : 0;
    if (run > MAX_INSTRUCTION_LINES)
      throw new ParseError(`an instruction continues over more than ${MAX_INSTRUCTION_LINES} lines`, lines);
    if (lines > MAX_LINES) throw new ParseError(`Dockerfile has more than ${MAX_LINES} lines`, lines);
    if (nl < 0) break;
    start = nl + 1;
  }
}

/** Runs the Dockerfile rules over one file. */
export function checkDockerfile(file: SourceFile): RawFinding[] {
  checkSize(file.text);
  const rep = new Reporter(file);
  const df = dockerfileParser().parse(file.text);
  const globalArgs = new Map<string, string>();
  const stages: Stage[] = [];
  let stage: Stage | undefined;
  for (const ins of df.getInstructions()) {
    const kw = ins.getKeyword().toUpperCase();
    const line = lineOf(ins);
    if (!KEYWORDS.has(kw)) throw new ParseError(`unknown instruction "${ins.getKeyword()}"`, line);
    const args = ins.getArgumentsContent() ?? '';
    if (kw !== 'FROM' && kw !== 'ARG' && !stage) throw new ParseError(`${kw} before the first FROM`, line);
    switch (kw) {
      case 'FROM': {
        const words = args.split(/\s+/).filter((w) => !w.startsWith('--'));
        const image = substitute(words[0] ?? '', globalArgs);
        const asIdx = words.findIndex((w) => w.toUpperCase() === 'AS');
        const name = asIdx >= 0 ? words[asIdx + 1]?.toLowerCase() : undefined;
        const parent = stages.find((s) => s.name !== undefined && s.name === image.toLowerCase());
        stage = { name, fromLine: line, image, user: parent?.user };
        stages.push(stage);
        if (image === '') throw new ParseError('FROM without an image', line);
        if (parent || image === 'scratch' || image.includes('$')) break;
        const ref = parseImageRef(image);
        if (ref.digest === undefined && (ref.tag === undefined || ref.tag === 'latest')) {
          rep.add(
            DF_UNPINNED_BASE,
            line,
            `Base image \`${image}\` is ${ref.tag === 'latest' ? 'tagged latest' : 'not pinned to a tag or digest'}.`,
            `from:${ref.name}`,
          );
        }
        break;
      }
      case 'USER':
        stage!.user = { value: substitute(args.trim(), globalArgs), line };
        break;
      case 'ARG':
      case 'ENV':
        for (const p of (ins as Arg | Env).getProperties()) {
          const name = p.getName();
          const value = p.getValue();
          if (kw === 'ARG' && !stage && value !== null) globalArgs.set(name, value);
          const pline = p.getRange().start.line + 1;
          if (value !== null && isLiteralSecret(name, value)) {
            rep.add(
              DF_SECRET_ENV,
              pline,
              `${kw} ${name} sets a literal credential that is stored in the image.`,
              `${kw}:${name}`,
              { secret: value },
            );
          } else if (kw === 'ARG' && value === null && isLiteralSecret(name, 'placeholder-value')) {
            rep.add(
              DF_SECRET_ENV,
              pline,
              `Build argument ${name} looks like a credential; build arguments are recorded in the image history.`,
              `ARG:${name}`,
              {
                severity: 'medium',
              },
            );
          }
        }
        break;
      case 'ADD': {
        const src = args.split(/\s+/).filter((w) => !w.startsWith('--'));
        const hasChecksum = (ins as ModifiableInstruction).getFlags().some((f) => f.getName() === 'checksum');
        const remote = src
          .slice(0, -1)
          .find((w) => /^(?:https?|ftp):\/\/|^git@|\.git(?:#.{0,100})?$/.test(w));
        if (remote && !hasChecksum)
          rep.add(DF_ADD_REMOTE, line, `ADD fetches ${remote} without verifying it.`, `add:${remote}`);
        break;
      }
      case 'EXPOSE':
        for (const w of args.split(/\s+/)) {
          const m = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/\w{1,5})?$/.exec(w);
          if (!m) continue;
          const from = Number(m[1]);
          const to = m[2] !== undefined ? Math.min(Number(m[2]), from + 1000) : from;
          for (let p = from; p <= to; p++) {
            const svc = PLAINTEXT_PORTS.get(p) ?? ADMIN_PORTS.get(p);
            if (svc) rep.add(DF_EXPOSE_PLAINTEXT, line, `EXPOSE ${p} publishes ${svc}.`, `expose:${p}`);
          }
        }
        break;
      case 'RUN': {
        if (isFetchPipeShell(args)) {
          const needle = /\bwget\b/.test(args) && !/\bcurl\b/.test(args) ? 'wget' : 'curl';
          rep.add(
            DF_CURL_PIPE_SHELL,
            lineWith(file, ins, needle),
            'RUN pipes a downloaded script into an interpreter.',
            `run:${args.replace(/\s+/g, ' ').slice(0, 200)}`,
          );
        }
        if (SUDO.test(args))
          rep.add(
            DF_SUDO,
            lineWith(file, ins, 'sudo'),
            'RUN uses sudo.',
            `sudo:${args.replace(/\s+/g, ' ').slice(0, 200)}`,
          );
        const pkgs = unpinnedPackages(args);
        if (pkgs.length > 0) {
          rep.add(
            DF_UNPINNED_PACKAGE,
            lineWith(file, ins, pkgs[0]!),
            `Installed without a version: ${pkgs.slice(0, 10).join(', ')}.`,
            `pkg:${pkgs.join(',')}`,
          );
        }
        break;
      }
      default:
        break;
    }
  }
  const last = stages.at(-1);
  if (last && last.image !== 'scratch' && !/nonroot|non-root|rootless/i.test(last.image)) {
    if (!last.user) {
      rep.add(
        DF_USER_ROOT,
        last.fromLine,
        'The final stage sets no USER, so the container runs as root.',
        `final-stage:${last.name ?? last.image}`,
      );
    } else if (ROOT_USER.test(last.user.value)) {
      rep.add(
        DF_USER_ROOT,
        last.user.line,
        `The final stage runs as ${last.user.value}.`,
        `final-stage:${last.name ?? last.image}`,
      );
    }
  }
  return rep.findings;
}
