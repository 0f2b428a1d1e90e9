const axios = require('axios');
const request = require('request');
const common = require('./common');

// Module constants holding the program's own service: scheme and host fixed before any request exists.
const API = 'https://api.example.com/v2/';
var BASE_URL = 'https://' + common.SERVICE_HOST;
const ORIGIN = `https://${common.SERVICE_HOST}`;

exports.proxy = function (req, res) {
  const path = req.path + (req.url.indexOf('?') > -1 ? req.url.substring(req.url.indexOf('?')) : '');
  // ok: code/js-ssrf
  request(BASE_URL + (path[0] === '/' ? '' : '/') + path).pipe(res);
};

exports.item = async function (req, res) {
  // ok: code/js-ssrf
  const a = await axios.get(API + req.query.name);
  // ok: code/js-ssrf
  const b = await axios.get(ORIGIN + '/items/' + req.query.id);
  // ok: code/js-ssrf
  const c = await axios.get(`${ORIGIN}/items/${req.query.id}`);
  res.json([a.data, b.data, c.data]);
};
