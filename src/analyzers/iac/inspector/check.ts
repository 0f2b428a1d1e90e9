import type { SourceFile } from '../../../core/analyzer.js';
import type { RawFinding } from '../../../core/finding.js';
import { Reporter } from '../common.js';
import { NODE_INSPECTOR_EXPOSED } from './rules.js';

/**
 * `--inspect`, `--inspect-brk` or `--inspect-wait` given every interface (`0.0.0.0`, `::`, `[::]`), with or
 * without a port (a number, or a variable the shell or Docker fills in: `$PORT`, `${DEBUG_PORT:-9229}`);
 * `--inspect=127.0.0.1:9229`, `--inspect=9229` and a bare `--inspect` listen on loopback.
 */
const EXPOSED =
  /--inspect(?:-brk|-wait)?=(?:0\.0\.0\.0|\[::\]|::)(?::(?:\d{1,5}|\$\{[^}\s]{1,60}\}|\$[A-Za-z_]\w{0,50}))?(?![\w.:])/;

/** The inspector flag that opens every interface in `command`, if any. */
export function exposedInspector(command: string): string | undefined {
  return EXPOSED.exec(command)?.[0];
}

// Script names that say the command is for a developer's machine: reported, one step lower.
const DEV_SCRIPT = /(?:^|[:_-])(?:dev|debug|inspect|watch)(?:$|[:_-])/i;

/** `package.json` scripts that open the inspector to the network, at the line of each script. */
export function checkPackageScripts(file: SourceFile): RawFinding[] {
  if (!file.text.includes('--inspect')) return [];
  let scripts: unknown;
  try {
    scripts = (JSON.parse(file.text) as { scripts?: unknown }).scripts;
  } catch {
    // Not JSON (a template, a broken file): the deps analyzer reports package.json it cannot read.
    return [];
  }
  if (typeof scripts !== 'object' || scripts === null) return [];
  const rep = new Reporter(file);
  const lines = file.lines();
  for (const [name, command] of Object.entries(scripts as Record<string, unknown>)) {
    if (typeof command !== 'string') continue;
    const flag = exposedInspector(command);
    if (flag === undefined) continue;
    const key = JSON.stringify(name);
    const at = lines.findIndex((l) => l.includes(key) && l.includes('--inspect'));
    rep.add(
      NODE_INSPECTOR_EXPOSED,
      at + 1,
      `The script ${key} starts Node with \`${flag}\`: the inspector accepts connections from the network.`,
      `script:${name}:${flag}`,
      DEV_SCRIPT.test(name) ? { severity: 'medium' } : {},
    );
  }
  return rep.findings;
}

/** A Procfile's process types (`web: node --inspect=0.0.0.0 app.js`) that open the inspector to the network. */
export function checkProcfile(file: SourceFile): RawFinding[] {
  if (!file.text.includes('--inspect')) return [];
  const rep = new Reporter(file);
  file.lines().forEach((line, i) => {
    const m = /^\s*([\w-]{1,100})\s*:(.*)$/.exec(line);
    const flag = m ? exposedInspector(m[2] ?? '') : undefined;
    if (!m || flag === undefined) return;
    rep.add(
      NODE_INSPECTOR_EXPOSED,
      i + 1,
      `The \`${m[1]}\` process starts Node with \`${flag}\`: the inspector accepts connections from the network.`,
      `procfile:${m[1]}:${flag}`,
    );
  });
  return rep.findings;
}
