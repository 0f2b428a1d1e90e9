// A part of the page's own address after a split, not its start: the query or fragment the link chose, a
// popped last segment, or the parts handed on, navigate wherever the link says.
function goAfterHash() {
  var parts = window.location.href.split('#');
  // ruleid: code/js-open-redirect
  window.location.href = parts[1];
}

function goNextParam() {
  // ruleid: code/js-open-redirect
  location.href = location.href.split('next=')[1];
}

function goLastSegment() {
  var parts = window.location.href.split('#');
  var target = parts.pop();
  // ruleid: code/js-open-redirect
  window.location = target;
}

function goShifted() {
  var parts = location.href.split('?');
  parts.shift();
  // ruleid: code/js-open-redirect
  window.location = parts.join('?');
}

function goFromEnd() {
  // ruleid: code/js-open-redirect
  window.location = window.location.href.substring(window.location.href.indexOf('#') + 1);
}

// A prefix cut short of the host, followed by the link's own text: that text can name the host.
function goCutThenHash() {
  // ruleid: code/js-open-redirect
  window.location = location.href.substring(0, 8) + location.hash.slice(1);
}

module.exports = { goAfterHash, goNextParam, goLastSegment, goShifted, goFromEnd, goCutThenHash };
