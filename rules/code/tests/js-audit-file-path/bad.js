// File system calls given paths the program does not fix, under every name a file gives `fs`.
const fs = require('fs');
const fsp = require('node:fs/promises');
const fse = require('fs-extra');
const { readFile: load } = require('fs');
const promises = require('fs').promises;
import { createReadStream as stream } from 'node:fs';
import * as nodeFs from 'fs';

export async function serve(name, dir, upload) {
  // ruleid: code/js-audit-file-path
  fs.readFileSync(name);
  // ruleid: code/js-audit-file-path
  await fsp.writeFile(`${dir}/${name}`, upload);
  // ruleid: code/js-audit-file-path
  await fse.remove(dir);
  // ruleid: code/js-audit-file-path
  load(name, () => {});
  // ruleid: code/js-audit-file-path
  await promises.readFile(name);
  // ruleid: code/js-audit-file-path
  stream(name);
  // ruleid: code/js-audit-file-path
  nodeFs.promises.unlink(name);
  // ruleid: code/js-audit-file-path
  require('fs').readFile(name, () => {});
  // A fixed folder joined with a name from elsewhere is not fixed.
  // ruleid: code/js-audit-file-path
  return fs.createWriteStream(require('path').join(__dirname, name));
}

function later(file) {
  const { unlink } = fs.promises;
  // ruleid: code/js-audit-file-path
  return unlink(file);
}
module.exports = { later };
