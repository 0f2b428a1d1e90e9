// Two numbers put in order through a third name (`tmp = b; b = a; a = tmp`) are still the two numbers: every
// value the three names are ever given is a number, so the markup around them holds no text of anyone's.
function showRange(slider) {
  var parent = slider.parentNode;
  var slides = parent.getElementsByTagName('input');
  var low = parseFloat(slides[0].value);
  var high = parseFloat(slides[1].value);
  if (low > high) {
    var tmp = high;
    high = low;
    low = tmp;
  }
  parent.getElementsByClassName('range-values')[0].innerHTML = '<b>' + low + '</b> - <b>' + high + '</b>';
}
