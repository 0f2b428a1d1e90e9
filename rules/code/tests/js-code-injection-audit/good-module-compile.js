const fs = require('fs');
const path = require('path');
const requireFromString = require('require-from-string');

const Module = module.constructor;

// A constant module, and a module file read from the program's own folder (as `require` would load it).
export function loadFixed() {
  const m = new Module();
  m._compile('module.exports = { answer: 42 };', 'fixed.js');
  return m.exports;
}

export function loadOwn(name) {
  const file = path.join(__dirname, 'lib', 'own.js');
  const m = new Module(file);
  m._compile(fs.readFileSync(file, 'utf8'), name);
  return requireFromString('module.exports = 1;') + m.exports;
}

// A loader hook: `require` of a `.jsx` file compiles that file, as `require` compiles any module.
const NodeModule = require('module');
const { transform } = require('./jsx');

NodeModule._extensions['.jsx'] = function (mod, filename) {
  const compiled = transform(fs.readFileSync(filename, 'utf8'), filename);
  mod._compile(compiled.code, filename);
};

// Data written back as a module: JSON evaluated as JavaScript is only the value it writes.
export function asModule(contents) {
  const copy = requireFromString('module.exports = ' + JSON.stringify(contents));
  // eslint-disable-next-line no-eval
  return eval(`(${JSON.stringify(copy)})`) && copy;
}
