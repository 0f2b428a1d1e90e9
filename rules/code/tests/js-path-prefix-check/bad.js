const fs = require('fs');
const path = require('path');

// An archive entry's name checked against the destination without a separator: `../out-evil/x` resolves to
// /tmp/out-evil/x, which starts with /tmp/out.
function extractEntry(entry, dest) {
  const target = path.resolve(dest, entry.fileName);
  if (!target.startsWith(dest)) {
    throw new Error('entry outside the destination');
  }
  // ruleid: code/js-path-prefix-check
  fs.writeFileSync(target, entry.data);
}

class Store {
  constructor(root) {
    this.root = path.resolve(root);
  }

  remove(name) {
    const full = path.resolve(this.root, name);
    if (full.indexOf(this.root) !== 0) return false;
    // ruleid: code/js-path-prefix-check
    fs.unlinkSync(full);
    return true;
  }
}

function serve(res, root, name) {
  const full = path.normalize(path.join(root, name));
  if (full.startsWith(path.resolve(root))) {
    // ruleid: code/js-path-prefix-check
    return res.sendFile(full);
  }
  return res.status(403).end();
}

const BASE = path.resolve('/srv/app');

async function save(name, data) {
  const dest = path.resolve(BASE, name);
  if (!dest.startsWith(BASE)) return null;
  // ruleid: code/js-path-prefix-check
  await fs.promises.writeFile(dest, data);
  return dest;
}

module.exports = { extractEntry, Store, serve, save };
