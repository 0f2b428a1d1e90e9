import requireFromString from 'require-from-string';

const Module = module.constructor;

// Whoever writes `src` runs code in this process: the text is compiled as a module.
export function loadText(src, filename) {
  const m = new Module();
  // ruleid: code/js-code-injection-audit
  m._compile(src, filename);
  return m.exports;
}

export function loadPackaged(text) {
  // ruleid: code/js-code-injection-audit
  return requireFromString(text);
}

// JSON text with more code joined after it is code again.
export function asModuleThen(contents, extra) {
  // ruleid: code/js-code-injection-audit
  return requireFromString('module.exports = ' + JSON.stringify(contents) + extra);
}
