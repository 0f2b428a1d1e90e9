// Paths the program fixes, and functions that are not the file system's.
const fs = require('fs');
const path = require('path');
import { fileURLToPath } from 'node:url';
const readFile = require('some-cache').readFile;
const other = require('./store');

const CONFIG = 'config.json';
const here = path.dirname(fileURLToPath(import.meta.url));

export function load(key) {
  fs.readFileSync('package.json');
  fs.readFileSync(CONFIG);
  fs.readFileSync(path.join(__dirname, 'templates', 'index.html'));
  fs.readFileSync(path.resolve(here, './index.html'));
  fs.readFileSync(`${process.cwd()}/settings.json`);
  fs.readFileSync(require.resolve('eslint/package.json'));
  fs.readFileSync(import.meta.filename);
  // Not `fs`: a cache's readFile and a local module's.
  readFile(key);
  other.readFile(key);
  // A RegExp's exec, a map's get: not file system calls.
  return /x/.exec(key);
}

const root = fileURLToPath(new URL('..', import.meta.url));
export const schema = () => fs.readFileSync(path.join(root, 'schema.json'));
