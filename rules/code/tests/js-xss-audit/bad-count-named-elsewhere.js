// Only the element's own last class or id counts: a count named earlier in the selector, in the written
// value, or in a selector that continues past it does not make the element a number's place.
function show(data) {
  // ruleid: code/js-xss-audit
  $('.commentCount .author').html(data.post.user);
  // ruleid: code/js-xss-audit
  $('#title').html(data.totalViews + data.title);
  // ruleid: code/js-xss-audit
  $('#account').html(data.account);
  // ruleid: code/js-xss-audit
  $('#caption').html(data.total_label);
  // ruleid: code/js-xss-audit
  $('#country').html(data.countryName);
  // ruleid: code/js-xss-audit
  $('<div class="count">' + data.name + '</div>').html(data.name);
}

// An element named as a count given the request's parts, an event's data, what a listener is handed or
// text joined to a field is still reported.
function fromOutside(req, e, socket) {
  // ruleid: code/js-xss-audit
  $('.post-count').html(req.query.posts);
  // ruleid: code/js-xss-audit
  $('#hits').html(e.data.hits);
  // ruleid: code/js-xss-audit
  $('#totalViews').html(location.hash);
  socket.on('stats', function (stats) {
    // ruleid: code/js-xss-audit
    $('#pageViews').html(stats.views);
  });
  // ruleid: code/js-xss-audit
  $('#visitCount').html(data.visits + ' visits');
}

// A field that only starts with a measured time's name, or a time a request carries.
function timed(data, req) {
  // ruleid: code/js-xss-audit
  $('#took').html('Search took ' + data.durationText);
  // ruleid: code/js-xss-audit
  $('#took').html(data.timingLabel + ' ms');
  // ruleid: code/js-xss-audit
  document.getElementById('took').innerHTML = req.query.duration;
}
