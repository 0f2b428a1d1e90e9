// Fixed module names: literals, constants, the program's own folder.
const path = require('path');
const lodash = require('lodash');
const local = require('./local');
const d = 'debounce';
const debounce = require(`lodash/${d}`);
const utils = require(__dirname + '/utils');
const helpers = require(path.join(__dirname, 'helpers'));

async function later() {
  return import('./later.js');
}
module.exports = { lodash, local, debounce, utils, helpers, later };
