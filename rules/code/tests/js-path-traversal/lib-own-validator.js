// A helper module of the own-validator examples (neither bad nor good itself): the application's own checks of
// a name, each answering true or false.

module.exports = {
  // Refuses a missing or long name and one holding `..`, and says so by its answer.
  checkName: function (name, res) {
    if (name === undefined) {
      res.status(400).end();
      return false;
    }
    if (name.length > 64) {
      res.status(400).end();
      return false;
    }
    if (name.includes('..')) {
      res.status(400).end();
      return false;
    }
    return true;
  },
  // Answers true early for a short name, before the `..` check.
  checkShort: function (name) {
    if (name.length < 4) {
      return true;
    }
    if (name.includes('..')) {
      return false;
    }
    return true;
  },
  // Checks only the length: no check the rule lists.
  checkLength: function (name) {
    if (name.length > 64) {
      return false;
    }
    return true;
  },
  // Checks its second parameter, not the first.
  checkPair: function (folder, name) {
    if (name.includes('..')) {
      return false;
    }
    return true;
  },
  // Answers with a promise: a caller that does not await it reads a truthy value.
  checkLater: async function (name) {
    if (name.includes('..')) {
      return false;
    }
    return true;
  },
  // Checks a cut of the name it was given, not the name itself.
  checkHead: function (name) {
    name = name.slice(0, 16);
    if (name.includes('..')) {
      return false;
    }
    return true;
  },
};
