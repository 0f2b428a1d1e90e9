// A module of the program that keeps its bundles in an array: its `find` is a loop, no database's.
const bundles = [];

module.exports.add = function (bundle) {
  bundles.push(bundle);
};

module.exports.find = function (name) {
  for (let i = 0; i < bundles.length; i++) {
    if (bundles[i].name === name) return bundles[i];
  }
  return undefined;
};
