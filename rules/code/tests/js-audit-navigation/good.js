// Fixed URLs, and comparisons that write nothing.
const LOGIN = '/login';

function go(link, bar) {
  location.href = 'some location';
  window.location.href = LOGIN;
  link.href = `${LOGIN}?back=1`;
  if (link.href == bar) return true;
  return link.location == bar;
}
go(document.querySelector('a'), '/x');
