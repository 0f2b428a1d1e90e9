const serialize = require('serialize-javascript');

function page(state, cache) {
  const fast = cache.serialize(state, { unsafe: false });
  return `<script>window.__STATE__ = ${serialize(state, { isJSON: true })}</script>${fast}`;
}
module.exports = { page };
