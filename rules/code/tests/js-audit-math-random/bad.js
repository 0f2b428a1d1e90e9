// Values made with Math.random: a lead to check they are never secrets.
function pick(list) {
  // ruleid: code/js-audit-math-random
  const i = Math.floor(Math.random() * list.length);
  // ruleid: code/js-audit-math-random
  Math.random();
  return list[i];
}
module.exports = { pick };
