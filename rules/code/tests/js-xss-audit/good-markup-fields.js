// Markup the application's own server or code rendered, and text fixed by the page: a field named as markup (a
// fragment the server's templates put into its JSON, a row's action buttons, a raw-HTML widget's own markup; the
// audit profile's js-audit-xss-markup-field reports these), a capitals global the page's template defines (its
// labels), a number formatter given an attribute (js-audit-xss-page-text's), pieces of the whole reply of the
// page's own request (js-audit-xss-reply's), and a list built by a local function that escapes every item.
function postTags(form) {
  $.ajax({
    type: 'POST',
    dataType: 'json',
    url: form.attr('action'),
    success: function (data) {
      $('#tags').html(data.html);
    },
  });
}

function actionsCell(entity) {
  const td = document.createElement('td');
  if (entity.actionsHtml) td.innerHTML = entity.actionsHtml;
  return td;
}

RawWidget.prototype.render = function (parent, nextSibling) {
  const div = this.document.createElement('div');
  div.innerHTML = this.parseTreeNode.html;
  parent.insertBefore(div, nextSibling);
};

function infoLink() {
  const a = document.createElement('a');
  a.innerHTML = window.TXT_INFO || 'Info';
  return a;
}

function humanReadable(elements) {
  elements.each(function () {
    $(this).html(utils.makeNumberHumanReadable($(this).attr('title')));
  });
}

function loginBox(el) {
  $.get(el.attr('href'), function (text) {
    const html = '<div class="close"></div>' + text.split('<!--BODY_START-->')[1].split('<!--BODY_END-->')[0];
    $('<div id="login"/>').html(html).appendTo(document.body);
  });
}

var escapeText = function (str) {
  var span = document.createElement('span');
  span.textContent = str;
  return span.innerHTML;
};
var userListHtml = function (users, self) {
  var html = '';
  users.forEach(function (name) {
    if (name !== self) html += `<li>${escapeText(name)}</li>`;
  });
  return html;
};
function showUsers(users, self) {
  $('#user-list').html(userListHtml(users, self));
}

// A node tree rendered by its own markup method: each child either renders itself (`toHTML()`, the audit
// profile's js-audit-xss-markup-field reports it) or is escaped.
function htmlNode(obj) {
  var inner = '';
  $.each(obj.childs, function (i, child) {
    inner += child && child.toHTML ? child.toHTML() : _.escape(child);
  });
  if (obj.tag) return $('<div>').append($('<' + obj.tag + '>', obj.attrs).html(inner));
  return $('<div>').html(inner);
}
