/**
 * Code that runs only in development or under the test suite: the consequence of an `if` whose condition
 * is a development or test switch (`if (config.dev)`, `if (process.env.NODE_ENV === 'test')`). Findings
 * there are kept but lowered, as findings in test files are (docs/file-roles.md): a deployment does not run
 * that branch unless someone turns the switch on, and then it is a test or development server.
 */
import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';
import { MAX_ANCESTORS } from './name-binding.js';

// The last name of a flag that means "development or test mode". Plain `test` and `debug` are left out:
// `test` is as often a regex result, and debug output is turned on in production too.
const SWITCH =
  /^(?:dev|isDev|devMode|development|isDevelopment|inDevelopment|testing|isTest|isTesting|testMode)$/;
const ENV_VALUE = /^['"`](?:development|dev|test|testing)['"`]$/;
// Django's `DEBUG` setting read in the settings module that sets it (`if DEBUG:`) is development mode: Django's
// deployment checklist forbids it in production, where it is a finding of its own. Python only: a JavaScript
// `DEBUG` constant is as often a logging switch. Not `if settings.DEBUG:` in another module: whether the settings
// ship in debug mode (`DEBUG = True`, as `startproject` writes them) is not visible from there.
const PY_SWITCH = /^DEBUG$/;
// `DEBUG = True`, or an assignment whose read of the environment defaults to a true value (`DEBUG =
// os.environ.get('DEBUG', 'True') == 'True'`, `env.bool('DEBUG', default=True)`): the settings run in debug mode
// as shipped. Not `os.environ.get('DEBUG') == '1'`, off unless the deployer sets it.
const DEBUG_ON =
  /^DEBUG\s*(?::[^=\n]*)?=\s*(?:True\b|[^\n#]*,\s*(?:default\s*=\s*)?(?:True\b|1\b|['"](?:1|[Tt]rue|TRUE|[Yy]es|on)['"]))/m;
const ENV_READ = /\bNODE_ENV\b|\benv\b|\.get\(\s*['"]env['"]\s*\)/;

function unwrap(n: SgNode): SgNode {
  let x = n;
  while (kindOf(x) === 'parenthesized_expression') {
    const inner = x.children().find((c) => c.isNamed() && kindOf(c) !== 'comment');
    if (!inner) break;
    x = inner;
  }
  return x;
}

// The module's own top-level `DEBUG = …` (a settings module): an imported `DEBUG` (`from config import DEBUG`)
// is another module's, whose value this file cannot see.
const DEBUG_SET = /^DEBUG\s*(?::[^=\n]*)?=[^=]/m;

/**
 * True when the module sets `DEBUG` at its top level, and not to `True` or to a value a true default may give
 * (DEBUG_ON, where the settings may ship in debug mode and the branch is what a deployment that changes nothing
 * runs).
 */
function setsDebugOff(n: SgNode): boolean {
  const text = n.getRoot().root().text();
  return DEBUG_SET.test(text) && !DEBUG_ON.test(text);
}

function isSwitch(cond: SgNode, python: boolean): boolean {
  const c = unwrap(cond);
  const k = kindOf(c);
  if (k === 'identifier')
    return SWITCH.test(c.text()) || (python && PY_SWITCH.test(c.text()) && setsDebugOff(c));
  if (k === 'member_expression') return SWITCH.test(c.field('property')?.text() ?? '');
  if (k === 'attribute') {
    const name = c.field('attribute')?.text() ?? '';
    return SWITCH.test(name);
  }
  if (k !== 'binary_expression') return false;
  const op = c.field('operator')?.text();
  const l = c.field('left');
  const r = c.field('right');
  if (!l || !r) return false;
  // Both must hold for the branch to run: one switch is enough.
  if (op === '&&') return isSwitch(l, python) || isSwitch(r, python);
  if (op !== '===' && op !== '==') return false;
  const [value, read] = ENV_VALUE.test(r.text()) ? [r, l] : [l, r];
  return ENV_VALUE.test(value.text()) && ENV_READ.test(read.text());
}

/** True when `node` sits in the branch an `if` takes only in development or test mode. */
export function inDevelopmentBranch(node: SgNode): boolean {
  // As far up as hand-written code nests (fixed-value.ts's MAX_ANCESTORS): each parent lookup costs the depth.
  let up = 0;
  for (let n: SgNode = node, p = node.parent(); p && up++ < MAX_ANCESTORS; n = p, p = p.parent()) {
    if (kindOf(p) !== 'if_statement') continue;
    const cond = p.field('condition');
    const then = p.field('consequence');
    // Python's branch is a `block`; JavaScript's a `statement_block` or a single statement.
    if (then?.id() === n.id() && cond && isSwitch(cond, kindOf(then) === 'block')) return true;
  }
  return false;
}
