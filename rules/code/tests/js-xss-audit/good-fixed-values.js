// HTML fixed by the program text: constants held in names, joined, chosen by a condition, or returned by
// a local function, and translation lookups held in a const first.
const OPEN = '<div id="sidedivinner"><div><span class="line-number">1';

function initLineNumbers(sideDiv) {
  const htmlClose = '</span></div></div>';
  sideDiv.innerHTML = `${OPEN}${htmlClose}`;
}

function seed($firstLine) {
  const threeLines = ['regular line', 'line with ordered list', 'line with unordered list'].join('<br>');
  $firstLine.html(threeLines);
}

function label(atEnd) {
  $('#viewlatest').html(`${atEnd ? 'Viewing' : 'View'} latest content`);
}

function showDate(date) {
  const dateFormat = () => html10n.get('timeslider.dateformat', { day: date.getDate() });
  $('#timer').html(dateFormat());
  const revisionDate = html10n.get('timeslider.saved', { year: date.getFullYear() });
  $('#revision_date').html(revisionDate);
}

function banner(el) {
  return el.insertAdjacentHTML('beforeend', loading());
  function loading() {
    return '<p class="spinner">Loading</p>';
  }
}
