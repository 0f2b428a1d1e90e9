// A relative time formatted from a number (droppy's file list): `var`s declared bare and then given only
// fixed values, and an element of a fixed list taken by an iteration callback.
function timeDifference(prev) {
  if (typeof prev !== 'number') return 'unknown';
  var diff = (Date.now() - Number(prev)) / 1000;
  var future = diff < 0,
    value,
    unit;
  diff = Math.abs(diff);
  [
    [60, 1, 'sec'],
    [3600, 60, 'min'],
    [Infinity, 3600, 'hour'],
  ].some(function (data) {
    if (diff < data[0]) {
      value = diff / data[1];
      unit = data[2];
      return true;
    }
  });
  value = Math.round(value);
  if (diff <= 20) return 'just now';
  unit += value > 1 ? 's' : '';
  return [future ? 'in' : '', value, unit, !future ? 'ago' : ''].join(' ').trim();
}

setInterval(function () {
  var dates = document.getElementsByClassName('mtime');
  for (var i = 0; i < dates.length; i++) {
    var reltime = timeDifference(Number(dates[i].getAttribute('data-timestamp')));
    if (reltime) dates[i].innerHTML = reltime;
  }
}, 1000);

const LEVELS = ['<b>high</b>', '<i>low</i>'];

function legend(el, open) {
  var html;
  if (open) html = '<span class="open">';
  else html = '<span class="closed">';
  el.innerHTML = html;
  LEVELS.forEach(function (level) {
    el.insertAdjacentHTML('beforeend', '<li>' + level + '</li>');
  });
  ['<hr>', '<br>'].map((tag) => $('#sep').html(tag));
}
