// Values swapped through a third name where one of them is text, or where the third name is also given text:
// the cycle proves nothing about what enters it.
function showRange(slider, label) {
  var slides = slider.parentNode.getElementsByTagName('input');
  var low = parseFloat(slides[0].value);
  var high = slides[1].value;
  if (low > high) {
    var tmp = high;
    high = low;
    low = tmp;
  }
  // ruleid: code/js-xss-audit
  slider.parentNode.innerHTML = low + ' - ' + high;
}

function showOrdered(el, a0, b0) {
  var a = 1;
  var b = 2;
  var t = b;
  b = a;
  a = t;
  t = el.textContent;
  // ruleid: code/js-xss-audit
  el.innerHTML = '<i>' + a + '</i>';
}

// A function's parameter spelled like the variable whose writes are read is another name.
function relabel(el) {
  var a = '<b>';
  function pass(a) {
    return a;
  }
  a = pass(location.hash);
  // ruleid: code/js-xss-audit
  el.innerHTML = a;
}
