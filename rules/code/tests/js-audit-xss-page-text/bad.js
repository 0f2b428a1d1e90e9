// An attribute of the page's elements read back, alone or with the element's own markup, or an option of a jQuery
// plugin the file defines, written as HTML: the default rule code/js-xss-audit counts these as the page's own
// text; a lead here, since a template may have escaped an outsider's text into the attribute.
function toggleLabel() {
  var collapsed = $(this).data('btn-text-collapsed');
  var expanded = $(this).data('btn-text-not-collapsed');
  var html = $(this).hasClass('collapsed')
    ? $(this).html().replace(collapsed, expanded)
    : $(this).html().replace(expanded, collapsed);
  // ruleid: code/js-audit-xss-page-text
  $(this).html(html);
}

function swapLabel(button) {
  var html = button.innerHTML;
  html = html.replace(button.getAttribute('data-label-on'), button.getAttribute('data-label-off'));
  // ruleid: code/js-audit-xss-page-text
  button.innerHTML = html;
}

function switchedLabel($input, slug, val) {
  var data = $input.data(slug + '-' + val);
  // ruleid: code/js-audit-xss-page-text
  $('label[for=' + $input.attr('id') + ']').html(data);
}

function addIcon(el, entity) {
  var html = el.innerHTML;
  // ruleid: code/js-audit-xss-page-text
  el.innerHTML = '<span style="font-family: icons">' + entity + '</span>' + html;
}

function icons(elements) {
  for (var i = 0; i < elements.length; i++) {
    var attr = elements[i].getAttribute('data-icon');
    if (attr) addIcon(elements[i], attr);
  }
}

function preview(el) {
  // ruleid: code/js-audit-xss-page-text
  el.innerHTML = el.dataset.caption;
  // ruleid: code/js-audit-xss-page-text
  $('#saved').html($('#saved').attr('data-previous-html'));
}

// A jQuery plugin's own options, markup by its contract (set by the page that calls the plugin).
$.fn.inlineEdit = function (options) {
  var settings = $.extend({ placeholder: 'Click to edit', indicator: '<img src="spinner.gif">' }, options);
  return this.each(function () {
    // ruleid: code/js-audit-xss-page-text
    if (!$.trim($(this).html())) $(this).html(settings.placeholder);
    $(this).on('submit', function () {
      // ruleid: code/js-audit-xss-page-text
      $(this).html(settings.indicator);
    });
  });
};
