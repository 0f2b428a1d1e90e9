// Elements the page names as a count or a tally by the last class or id of their selector hold numbers: the
// page's own place for one, filled with one, also when the field's name does not say so.
function updateBookmarkCount(data) {
  $('[data-pid="' + data.post.pid + '"] .bookmarkCount')
    .filter(function (index, el) {
      return parseInt($(el).closest('[data-pid]').attr('data-pid'), 10) === parseInt(data.post.pid, 10);
    })
    .html(data.post.bookmarks);
}

function traffic(data) {
  $('#pageViewsThisMonth').html(data.monthlyPageViews.thisMonth);
  $('#pageViewsPastDay').html(data.pastDay);
  $('.post-count').html(data.posts);
  $('#visits-today').find('span').html(data.today);
}
