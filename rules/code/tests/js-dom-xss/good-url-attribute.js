// The page's URL as the browser serialises it has `"`, `<` and `>` percent-encoded, so inside a double-quoted
// attribute value it stays text of that attribute.
var box = $('#login-box');
var user = JSON.parse(localStorage.user || '{}');

function logout() {
  box.html(
    '<a href="/user">' + user.username + '</a> | ' + '<a href="/user/logout?returnto=' + location.href + '">log out</a>',
  );
}

function share() {
  document.getElementById('share').innerHTML = `<a class="share" href="https://example.org/share?u=${window.location.href}">share</a>`;
}

function back() {
  document.write('<a title="back" href = "' + (document.referrer) + '">back</a>');
}

logout();
share();
back();
