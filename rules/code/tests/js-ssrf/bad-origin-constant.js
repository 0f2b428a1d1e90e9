const axios = require('axios');
const common = require('./common');

// An origin with no path separator after the host: `@evil.example` or `.evil.example` continue the host.
const ORIGIN = 'https://' + common.SERVICE_HOST;
// A base the program later replaces, or one only a function holds.
let API = 'https://api.example.com/';

exports.set = function (req) {
  API = req.body.api;
};

exports.item = async function (req, res) {
  // ruleid: code/js-ssrf
  const a = await axios.get(ORIGIN + req.query.path);
  // ruleid: code/js-ssrf
  const b = await axios.get(API + req.query.name);
  const p = req.query.p;
  const q = req.query.q;
  // ruleid: code/js-ssrf
  const c = await axios.get(ORIGIN + (p[0] === '/' ? '' : '/') + q);
  // ruleid: code/js-ssrf
  const d = await axios.get(`${ORIGIN}${req.query.path}`);
  res.json([a.data, b.data, c.data, d.data]);
};

exports.shadow = async function (req, res) {
  const ORIGIN = req.query.origin;
  // ruleid: code/js-ssrf
  const e = await axios.get(ORIGIN + '/status');
  res.json(e.data);
};
