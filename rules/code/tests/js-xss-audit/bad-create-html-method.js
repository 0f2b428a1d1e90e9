// review37: a method named createHTML that builds its markup from what its object holds (no Trusted Types policy
// in the module, no argument): not the policy's pass-through.
function Widget(data) {
  this.data = data;
}
Widget.prototype.createHTML = function () {
  return '<div>' + this.data + '</div>';
};
export function render(el) {
  const w = new Widget(location.hash.slice(1));
  // ruleid: code/js-xss-audit
  el.innerHTML = w.createHTML();
}
