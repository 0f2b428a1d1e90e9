// Repeated parts that match one text in several ways, with something after them that can fail.
function check(input) {
  // ruleid: code/js-redos
  const email = /^([a-zA-Z0-9])(([\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$/;
  // ruleid: code/js-redos
  const words = /^(\w+\s?)*$/;
  // ruleid: code/js-redos
  const nested = new RegExp('(a+)+b');
  // ruleid: code/js-redos
  const path = /[/]([A-Za-z\s\d~$._-]+\.\w+){1,}$/i;
  return email.test(input) || words.test(input) || nested.test(input) || path.test(input);
}
module.exports = { check };
