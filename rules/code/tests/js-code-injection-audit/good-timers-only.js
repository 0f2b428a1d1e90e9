// Timers given functions only: names, member paths and arrow functions of every shape.
function schedule(next, self, delay) {
  setTimeout(next, delay);
  setTimeout(self.tick, delay);
  setInterval(() => next('all'), delay * 2);
  setTimeout((a, b) => next(a + b), delay);
  setTimeout(x => next(x + '!'), delay);
  setTimeout(next);
  return delay;
}
module.exports = { schedule };
