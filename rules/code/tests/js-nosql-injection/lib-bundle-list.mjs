// The same list as an ES module: `find` filters an array.
const bundles = [];

export function find(name) {
  return bundles.filter((b) => b.name === name)[0];
}
