const axios = require('axios');

// A module constant holding the program's own service, declared after another address the module replaces
// from a setting: the constant used below is still fixed before any request exists.
let MIRROR = 'https://mirror.example.com/';
const API = 'https://api.example.com/v2/';

exports.configure = function (settings) {
  MIRROR = settings.mirror;
};

exports.item = async function (req, res) {
  // ok: code/js-ssrf
  const a = await axios.get(API + req.query.name);
  res.json(a.data);
};
