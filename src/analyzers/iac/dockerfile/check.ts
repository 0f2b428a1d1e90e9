import type { SourceFile } from '../../../core/analyzer.js';
import { ParseError } from '../../../core/errors.js';
import type { RawFinding } from '../../../core/finding.js';
import { ADMIN_PORTS, PLAINTEXT_PORTS, Reporter } from '../common.js';
import { isFetchPipeShell, isLiteralSecret } from '../shell.js';
import { parseImageRef } from '../image-ref.js';
import type { WorkloadDraft } from '../deployment.js';
import type { DockerInstruction } from '../../../parse/dockerfile/instructions.js';
import { dockerInstructions } from '../../../parse/dockerfile/instructions.js';
import { dockerProperties } from '../../../parse/dockerfile/words.js';
import { unpinnedPackages } from './packages.js';
import { exposedInspector } from '../inspector/check.js';
import { NODE_INSPECTOR_EXPOSED } from '../inspector/rules.js';
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
  fromSnippet: string;
  image: string;
  /** The last USER of the stage (inherited from a parent stage when unset). */
  user: { value: string; line: number; snippet: string } | undefined;
}

/** The physical line of an instruction that contains `needle` (instructions may span lines). */
function lineWith(ins: DockerInstruction, needle: string): number {
  return ins.lineAt(Math.max(0, ins.args.indexOf(needle)));
}

function substitute(text: string, args: ReadonlyMap<string, string>): string {
  return text.replace(
    /\$\{?([A-Za-z_][A-Za-z0-9_]{0,100})(?::-([^}]{0,200}))?\}?/g,
    (_m, name: string, dflt?: string) => args.get(name) ?? dflt ?? '',
  );
}

// A developer's workspace image: a dev container's (`.devcontainer/`, where devcontainer.json's `build.dockerfile`
// points) or Gitpod's (`.gitpod.Dockerfile`, the name Gitpod's documentation gives the file `.gitpod.yml`'s
// `image.file` names). Gitpod runs the workspace as its images' `gitpod` user (uid 33333), as a dev container runs
// as devcontainer.json's remoteUser. A workspace file under another name is not recognised.
const IMAGE_CONTEXT = 'docker-image://';

const DEV_ENVIRONMENT = /(?:^|\/)\.devcontainer\/|(?:^|\/)\.gitpod\.dockerfile$/i;

/**
 * Runs the Dockerfile rules over one file; `workload` (when given) collects its base images and EXPOSEd ports.
 * `contexts`: the named contexts a Bake file gives its build (bake-contexts.ts), which a `FROM` of that name reads.
 */
export function checkDockerfile(
  file: SourceFile,
  workload?: WorkloadDraft,
  contexts: ReadonlyMap<string, string> = new Map(),
): RawFinding[] {
  const rep = new Reporter(file);
  const globalArgs = new Map<string, string>();
  // Stages by name (the first of a name wins, as in Docker); the instructions are read one at a
  // time, so nothing here grows with the file but the stages and the findings.
  const named = new Map<string, Stage>();
  let stages = 0;
  let stage: Stage | undefined;
  for (const ins of dockerInstructions(file.text)) {
    const kw = ins.keyword;
    const line = ins.line;
    const snippet = (l: number): { snippet: string } => ({ snippet: ins.lineText(l) });
    if (!KEYWORDS.has(kw)) throw new ParseError(`unknown instruction "${kw.slice(0, 40)}"`, line);
    const args = ins.args;
    if (kw !== 'FROM' && kw !== 'ARG' && !stage) throw new ParseError(`${kw} before the first FROM`, line);
    switch (kw) {
      case 'FROM': {
        const words = args.split(/\s+/).filter((w) => !w.startsWith('--'));
        const written = substitute(words[0] ?? '', globalArgs);
        // A named context: another target's image (a stage of the same build, checked where it is written), or
        // an image reference checked here in the `FROM`'s place.
        const context = contexts.get(written);
        const image = context?.startsWith(IMAGE_CONTEXT) ? context.slice(IMAGE_CONTEXT.length) : written;
        const asIdx = words.findIndex((w) => w.toUpperCase() === 'AS');
        const name = asIdx >= 0 ? words[asIdx + 1]?.toLowerCase() : undefined;
        const parent = named.get(image.toLowerCase());
        stage = { name, fromLine: line, fromSnippet: ins.lineText(line), image, user: parent?.user };
        if (name !== undefined && !named.has(name)) named.set(name, stage);
        stages++;
        if (image === '') throw new ParseError('FROM without an image', line);
        if (stages === 1) workload?.moveTo(line);
        if (parent || context?.startsWith('target:') || image === 'scratch' || image.includes('$')) break;
        workload?.image(image);
        const ref = parseImageRef(image);
        if (ref.digest === undefined && (ref.tag === undefined || ref.tag === 'latest')) {
          // Kept in a developer's workspace image (as hadolint's DL3007 and Trivy's DS001 keep it in every
          // Dockerfile: each contributor builds whatever the tag names that day), lowered as an unpinned package
          // is: the image is never deployed.
          const workspace = DEV_ENVIRONMENT.test(file.path);
          rep.add(
            DF_UNPINNED_BASE,
            line,
            `Base image \`${image}\`${image === written ? '' : ` (the Bake context \`${written}\`)`} is ${ref.tag === 'latest' ? 'tagged latest' : 'not pinned to a tag or digest'}${workspace ? " (a developer's workspace image)" : ''}.`,
            `from:${ref.name}`,
            { ...snippet(line), ...(workspace ? { severity: 'low' as const } : {}) },
          );
        }
        break;
      }
      case 'CMD':
      case 'ENTRYPOINT': {
        const flag = exposedInspector(args);
        if (flag !== undefined) {
          const at = lineWith(ins, flag);
          rep.add(
            NODE_INSPECTOR_EXPOSED,
            at,
            `${kw} starts Node with \`${flag}\`: the inspector accepts connections from the network.`,
            `${kw}:${flag}`,
            snippet(at),
          );
        }
        break;
      }
      case 'USER':
        stage!.user = { value: substitute(args.trim(), globalArgs), line, snippet: ins.lineText(line) };
        break;
      case 'ARG':
      case 'ENV':
        for (const p of dockerProperties(kw, args, ins.escape)) {
          const { name, value } = p;
          if (kw === 'ARG' && !stage && value !== null) globalArgs.set(name, value);
          const pline = ins.lineAt(p.offset);
          const flag =
            kw === 'ENV' && name === 'NODE_OPTIONS' && value !== null ? exposedInspector(value) : undefined;
          if (flag !== undefined)
            rep.add(
              NODE_INSPECTOR_EXPOSED,
              pline,
              `NODE_OPTIONS starts every Node process of the image with \`${flag}\`: the inspector accepts connections from the network.`,
              `ENV:NODE_OPTIONS:${flag}`,
              snippet(pline),
            );
          if (value !== null && isLiteralSecret(name, value)) {
            rep.add(
              DF_SECRET_ENV,
              pline,
              `${kw} ${name} sets a literal credential that is stored in the image.`,
              `${kw}:${name}`,
              { secret: value, ...snippet(pline) },
            );
          } else if (kw === 'ARG' && value === null && isLiteralSecret(name, 'placeholder-value')) {
            rep.add(
              DF_SECRET_ENV,
              pline,
              `Build argument ${name} looks like a credential; build arguments are recorded in the image history.`,
              `ARG:${name}`,
              { severity: 'medium', ...snippet(pline) },
            );
          }
        }
        break;
      case 'ADD': {
        const words = args.split(/\s+/);
        const src = words.filter((w) => !w.startsWith('--'));
        const hasChecksum = words.some((w) => /^--checksum(?:=|$)/.test(w));
        const remote = src
          .slice(0, -1)
          .find((w) => /^(?:https?|ftp):\/\/|^git@|\.git(?:#.{0,100})?$/.test(w));
        if (remote && !hasChecksum)
          rep.add(
            DF_ADD_REMOTE,
            line,
            `ADD fetches ${remote} without verifying it.`,
            `add:${remote}`,
            snippet(line),
          );
        break;
      }
      case 'EXPOSE':
        for (const w of substitute(args, globalArgs).split(/\s+/)) {
          const [spec = '', proto] = w.split('/');
          workload?.portRange(spec, proto);
        }
        for (const w of args.split(/\s+/)) {
          const m = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/\w{1,5})?$/.exec(w);
          if (!m) continue;
          const from = Number(m[1]);
          const to = m[2] !== undefined ? Math.min(Number(m[2]), from + 1000) : from;
          for (let p = from; p <= to; p++) {
            const svc = PLAINTEXT_PORTS.get(p) ?? ADMIN_PORTS.get(p);
            if (svc)
              rep.add(
                DF_EXPOSE_PLAINTEXT,
                line,
                `EXPOSE ${p} publishes ${svc}.`,
                `expose:${p}`,
                snippet(line),
              );
          }
        }
        break;
      case 'RUN': {
        if (isFetchPipeShell(args)) {
          const needle = /\bwget\b/.test(args) && !/\bcurl\b/.test(args) ? 'wget' : 'curl';
          const at = lineWith(ins, needle);
          rep.add(
            DF_CURL_PIPE_SHELL,
            at,
            'RUN pipes a downloaded script into an interpreter.',
            `run:${args.replace(/\s+/g, ' ').slice(0, 200)}`,
            snippet(at),
          );
        }
        if (SUDO.test(args)) {
          const at = lineWith(ins, 'sudo');
          rep.add(
            DF_SUDO,
            at,
            'RUN uses sudo.',
            `sudo:${args.replace(/\s+/g, ' ').slice(0, 200)}`,
            snippet(at),
          );
        }
        const pkgs = unpinnedPackages(args);
        if (pkgs.length > 0) {
          const at = lineWith(ins, pkgs[0]!);
          rep.add(
            DF_UNPINNED_PACKAGE,
            at,
            `Installed without a version: ${pkgs.slice(0, 10).join(', ')}.`,
            `pkg:${pkgs.join(',')}`,
            snippet(at),
          );
        }
        break;
      }
      default:
        break;
    }
  }
  const last = stage;
  if (last && last.image !== 'scratch' && !/nonroot|non-root|rootless/i.test(last.image)) {
    // A dev container or a Gitpod workspace image is a developer's workstation, never deployed; without a USER
    // line the user its tools run as is chosen by devcontainer.json (remoteUser), Gitpod or the base image.
    if (!last.user) {
      if (!DEV_ENVIRONMENT.test(file.path))
        rep.add(
          DF_USER_ROOT,
          last.fromLine,
          'The final stage sets no USER, so the container runs as root.',
          `final-stage:${last.name ?? last.image}`,
          { snippet: last.fromSnippet },
        );
    } else if (ROOT_USER.test(last.user.value)) {
      rep.add(
        DF_USER_ROOT,
        last.user.line,
        `The final stage runs as ${last.user.value}.`,
        `final-stage:${last.name ?? last.image}`,
        { snippet: last.user.snippet },
      );
    }
  }
  return rep.findings;
}
