// The page's own full address with a path added stays on this site, whatever the address holds: its scheme
// and host come first, and anything appended lands in its path, query or fragment.
document.querySelector('.edit').addEventListener('click', function () {
  window.location.href = window.location.href + '/edit';
});

function openHistory() {
  location.href = location.href + '/history?page=' + location.hash.slice(1);
}
