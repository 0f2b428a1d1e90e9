// The same `key:` outside a React module is an encryption or API key made from Math.random():
// guessable.
function newClient(name) {
  // ruleid: code/js-insecure-random
  return { name, key: Math.random().toString(36).slice(2) };
}

// In any module, a longer name says what the value protects.
function newToken() {
  // ruleid: code/js-insecure-random
  return { apiKey: Math.random().toString(36).slice(2) };
}
module.exports = { newClient, newToken };
