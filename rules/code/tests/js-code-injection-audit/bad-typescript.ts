// An assertion about the code's type changes nothing of the code.
export function run(expr: unknown): unknown {
  // ruleid: code/js-code-injection-audit
  return eval(expr as string);
}
