const express = require('express');
const app = express();

// A Range header only chooses offsets: `end - start + 1` is a number whatever the header holds, and what is
// written is the stored file's own bytes (parse-server's GridStore adapter, handleRangeRequest).
function handleRangeRequest(stream, req, res, contentType) {
  const parts = req.get('Range').replace(/bytes=/, '').split('-');
  let [start, end] = parts;
  if (!end) end = stream.length - 1;
  const contentLength = end - start + 1;
  res.writeHead(206, { 'Content-Type': contentType });
  let remaining = contentLength;
  stream.stream(true).on('data', function (data) {
    const buffer = data.slice(0, remaining);
    res.write(buffer);
    remaining -= buffer.length;
  });
}

app.get('/files/:name', (req, res) => {
  handleRangeRequest(app.locals.files.open(req.params.name), req, res, 'video/mp4');
});

// A page number and a product of numbers.
app.get('/page', (req, res) => {
  const page = req.query.page * 1;
  res.send('<p>Page ' + (page - 1) + ' of ' + req.query.total / 10 + '</p>');
});
