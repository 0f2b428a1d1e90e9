// The page's own attributes read back and written as HTML: a button's two labels swapped in its own markup, a
// form's field label kept in a data attribute, an icon font's glyph. The default rule counts an attribute's text
// as the page's own (the audit profile's code/js-audit-xss-page-text reports these lines).
function toggleLabel() {
  var collapsed = $(this).data('btn-text-collapsed');
  var expanded = $(this).data('btn-text-not-collapsed');
  var html = $(this).hasClass('collapsed')
    ? $(this).html().replace(collapsed, expanded)
    : $(this).html().replace(expanded, collapsed);
  $(this).html(html);
}

function swapLabel(button) {
  var html = button.innerHTML;
  html = html.replace(button.getAttribute('data-label-on'), button.getAttribute('data-label-off'));
  button.innerHTML = html;
}

function switchedLabel($input, slug, val) {
  var data = $input.data(slug + '-' + val);
  $('label[for=' + $input.attr('id') + ']').html(data);
}

function addIcon(el, entity) {
  var html = el.innerHTML;
  el.innerHTML = '<span style="font-family: icons">' + entity + '</span>' + html;
}

function icons(elements) {
  for (var i = 0; i < elements.length; i++) {
    var attr = elements[i].getAttribute('data-icon');
    if (attr) addIcon(elements[i], attr);
  }
}

function preview(el) {
  el.innerHTML = el.dataset.caption;
  $('#saved').html($('#saved').attr('data-previous-html'));
}

// A jQuery plugin's own options, markup by its contract (set by the page that calls the plugin).
$.fn.inlineEdit = function (options) {
  var settings = $.extend({ placeholder: 'Click to edit', indicator: '<img src="spinner.gif">' }, options);
  return this.each(function () {
    if (!$.trim($(this).html())) $(this).html(settings.placeholder);
    $(this).on('submit', function () {
      $(this).html(settings.indicator);
    });
  });
};

// The element's own markup saved under a key and put back (a spinner's button), and a key written with run-time
// text beside one the template wrote: still the page's own text.
function spin($btn, id) {
  $btn.data('original-html', $btn.html());
  $btn.data('row', id);
  $btn.html('<i class="spinner"></i>');
  setTimeout(function () {
    $btn.html($btn.data('original-html'));
    $('#label').html($btn.data('label'));
  }, 500);
}
