const fs = require('fs');
const path = require('path');

// The prefix ends in a separator where the check is written.
function extractEntry(entry, dest) {
  const target = path.resolve(dest, entry.fileName);
  if (!target.startsWith(dest + path.sep)) {
    throw new Error('entry outside the destination');
  }
  // ok: code/js-path-prefix-check
  fs.writeFileSync(target, entry.data);
}

// Bound separator-ended elsewhere in the file.
const ROOT = path.resolve('/srv/app') + path.sep;

function read(name) {
  const full = path.resolve(ROOT, name);
  if (!full.startsWith(ROOT)) return null;
  // ok: code/js-path-prefix-check
  return fs.readFileSync(full, 'utf8');
}

class Store {
  constructor(root) {
    this.root = root;
    if (!this.root.endsWith('/')) this.root += '/';
  }

  remove(name) {
    const full = path.resolve(this.root, name);
    if (full.indexOf(this.root) !== 0) return false;
    // ok: code/js-path-prefix-check
    fs.unlinkSync(full);
    return true;
  }
}

// path.relative instead of a prefix test.
function remove(root, name) {
  const full = path.resolve(root, name);
  const rel = path.relative(root, full);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return;
  // ok: code/js-path-prefix-check
  fs.unlinkSync(full);
}

// A literal prefix says nothing of a folder.
function load(spec) {
  if (!spec.startsWith('file:')) throw new Error(spec);
  // ok: code/js-path-prefix-check
  return fs.readFileSync(spec.slice(5));
}

// The check does not refuse: the name is moved into the folder.
function dataFile(v, dataDir) {
  let p = v;
  if (!p.startsWith(dataDir)) p = path.join(dataDir, path.basename(p));
  // ok: code/js-path-prefix-check
  return fs.readFileSync(p);
}

// Another value is checked than the one used.
function other(base, name, log) {
  if (!name.startsWith(base)) throw new Error(name);
  // ok: code/js-path-prefix-check
  return fs.readFileSync(log);
}

// A listing's names picked by a prefix (a lock's claim files): a choice of files, not a folder check, and the
// path was never resolved.
function removeClaims(lockFile) {
  for (const name of fs.readdirSync(path.dirname(lockFile))) {
    const full = path.join(path.dirname(lockFile), name);
    if (full.startsWith(lockFile)) {
      // ok: code/js-path-prefix-check
      fs.unlinkSync(full);
    }
  }
}

module.exports = { extractEntry, read, Store, remove, load, dataFile, other, removeClaims };
