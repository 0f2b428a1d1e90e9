// Timers given functions, a constant Function body and eval of constant text.
function run(refresh, delay) {
  const global = Function('return this')();
  setTimeout(refresh, delay);
  setInterval(() => refresh('all'), delay * 2);
  setTimeout(refresh, delay + 10);
  return window.eval('1 + 1') + global.x;
}
module.exports = { run };
