// Dates: a Date's parts the code asks of a Date it made (also the day of the month, `getDate()`, padded by a
// helper the project adds to Number's prototype), a date formatted by a pattern of date tokens only, and a
// field named as a point in time on the page's own record (a start time kept when the query was sent).
Number.prototype.padLeft = function (base, chr) {
  var len = String(base || 10).length - String(this).length + 1;
  return len > 0 ? new Array(len).join(chr || '0') + this : this;
};

function startStepping(tab) {
  var d = new Date,
    dformat =
      [(d.getMonth() + 1).padLeft(), d.getDate().padLeft(), d.getFullYear()].join('/') +
      ' ' +
      [d.getHours().padLeft(), d.getMinutes().padLeft(), d.getSeconds().padLeft()].join(':');
  tab.debug_info.innerHTML = '<b>Start time</b>: ' + dformat + '<br><b>Stepping...</b>';
  const today = new Date();
  tab.day.innerHTML = '<i>' + today.getDate() + '/' + (today.getMonth() + 1) + '</i> (' + today.getDay() + ')';
}

function rangeChosen(start, end, tab) {
  $('#range_' + 3 + ' span').html(start.format('MMMM D, YYYY hh:mm A') + ' - ' + end.format('MMMM D, YYYY hh:mm A'));
  tab.footer.innerHTML = '<small>' + moment().format('YYYY-MM-DD HH:mm:ss') + '</small>';
}

function queryDone(p_message, p_context) {
  var v_query_info = p_context.tab_tag.query_info;
  v_query_info.innerHTML =
    '<b>Start time</b>: ' + p_context.start_datetime + ' <b>Duration</b>: ' + p_message.v_data.v_duration;
  v_query_info.title = '';
  p_context.tab_tag.last.innerHTML = 'Last run: ' + p_context.tab_tag.lastRunDate + ', ' + p_context.created_timestamp;
  p_context.tab_tag.range.innerHTML = '<b>From</b> ' + p_context.range.startDate.toLocaleString();
}

// A Date made of anything prints as a date (or `Invalid Date`); an id the code generates from a random number
// or a UUID is digits and letters.
function history(rows, tab) {
  tab.when.innerHTML = '<td>' + new Date(rows[0][0]).toLocaleString() + '</td>';
  const started = new Date(rows[0][1]);
  tab.since.innerHTML = '<i>' + started.toISOString() + ' (' + started.toLocaleDateString('en-GB') + ')</i>';
  const id = 'tab_' + Math.random().toString(36).slice(2) + '_' + crypto.randomUUID();
  tab.div.innerHTML = '<div id="' + id + '_div"></div>';
}
