// A field named as markup written as HTML: mostly a fragment the application's own server rendered into its JSON
// (the default code/js-xss-audit counts it as rendered markup); a lead here, since the renderer may have joined
// stored text unescaped.
function postTags(form) {
  $.ajax({
    type: 'POST',
    dataType: 'json',
    url: form.attr('action'),
    success: function (data) {
      // ruleid: code/js-audit-xss-markup-field
      $('#tags').html(data.html);
    },
  });
}

function actionsCell(entity) {
  const td = document.createElement('td');
  // ruleid: code/js-audit-xss-markup-field
  td.innerHTML = entity.actionsHtml;
  // ruleid: code/js-audit-xss-markup-field
  td.insertAdjacentHTML('beforeend', '<div class="body">' + entity.body_html + '</div>');
  return td;
}

function htmlNode(obj) {
  var inner = '';
  $.each(obj.childs, function (i, child) {
    inner += child && child.toHTML ? child.toHTML() : _.escape(child);
  });
  // ruleid: code/js-audit-xss-markup-field
  return $('<div>').html(inner);
}
