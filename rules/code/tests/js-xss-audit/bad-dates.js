// Near the date exemptions, still reported: a helper's own `getDate()` (formatted text of anything), a Date
// given another value, a `format` of a template or of other text, a field that only starts with a date's name
// or is a lone `date`, and dates the request, an event's data, a response or a listener carries.
function helpers(cal, picker, row, lookup) {
  // ruleid: code/js-xss-audit
  cal.cell.innerHTML = '<b>' + cal.getDate() + '</b>';
  let d = new Date();
  d = lookup(row);
  // ruleid: code/js-xss-audit
  cal.cell.innerHTML = '<b>' + d.getDate() + '</b>';
  // ruleid: code/js-xss-audit
  $('#range span').html(picker.label.format(row.name));
  // ruleid: code/js-xss-audit
  $('#range span').html(row.caption.format('{0} items'));
  // ruleid: code/js-xss-audit
  cal.cell.innerHTML = row.datetimeLabel + ': ' + row.date;
  // ruleid: code/js-xss-audit
  cal.cell.innerHTML = '<i>' + row.dateText + '</i>';
}

function fromOutside(req, e, socket, res) {
  // ruleid: code/js-xss-audit
  document.getElementById('since').innerHTML = 'Since ' + req.query.start_date;
  // ruleid: code/js-xss-audit
  document.getElementById('since').innerHTML = 'Since ' + e.data.startTime;
  // ruleid: code/js-xss-audit
  document.getElementById('since').innerHTML = 'Since ' + res.data.created_timestamp;
  // ruleid: code/js-xss-audit
  document.getElementById('since').innerHTML = 'Since ' + JSON.parse(e.body).start_datetime;
  socket.on('job', function (job) {
    // ruleid: code/js-xss-audit
    document.getElementById('since').innerHTML = 'Since ' + job.start_datetime;
  });
}

// A value's own text method, not a Date's: the value's text.
function lists(names, when, tab) {
  // ruleid: code/js-xss-audit
  tab.list.innerHTML = names.toDateString();
  // ruleid: code/js-xss-audit
  tab.list.innerHTML = '<b>' + when.toString() + '</b>';
  let at = new Date();
  at = when;
  // ruleid: code/js-xss-audit
  tab.list.innerHTML = '<b>' + at.toISOString() + '</b>';
}

// A response's records handed to a promise's or jQuery's callback: a date field is what the server stored,
// which a client may have posted as any text.
function fetched() {
  fetch('/api/events')
    .then((r) => r.json())
    .then((events) => {
      events.forEach((ev) => {
        // ruleid: code/js-xss-audit
        document.getElementById('list').innerHTML += '<li>' + ev.start_time + '</li>';
      });
    });
  $.getJSON('/api/tasks', function (tasks) {
    for (const task of tasks) {
      // ruleid: code/js-xss-audit
      document.getElementById('tasks').innerHTML += '<td>' + task.due_date + '</td>';
    }
  });
  $.ajax({
    url: '/api/jobs',
    success: function (jobs) {
      // ruleid: code/js-xss-audit
      document.getElementById('jobs').innerHTML = jobs[0].created_timestamp;
    },
  });
}
