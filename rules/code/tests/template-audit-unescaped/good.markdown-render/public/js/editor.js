// The editor page's own script: it posts to the preview route and names no view.
$('#preview-button').on('click', function () {
  $.post('/preview', { data: $('#editor').val() }, function (html) {
    $('#preview .modal-body').html(html);
  });
});
