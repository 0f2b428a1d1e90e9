import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

// A UDP file server in the shape of tftp's: the server emits request objects it makes itself, whose file name
// the packet parser (two modules away) normalised and refused when it climbs out with `..`.
const SERVER = `var fs = require('fs');
var events = require('events');
var GetStream = require('./streams/get-stream');
var Server = module.exports = function (root, socket) {
  events.EventEmitter.call(this);
  this.on('request', this.requestListener);
  this.root = root;
  var me = this;
  socket.on('message', function (message) {
    var gs = new GetStream(message);
    gs.onReady = function () {
      me.emit('request', gs);
    };
  });
};
Server.prototype.requestListener = function (req, res) {
  var filename = this.root + '/' + req.file;
  fs.createReadStream(filename).pipe(res);
};
`;

const STREAM = `var packets = require('../packets');
var GetStream = module.exports = function (message, helper) {
  try {
    message = packets.rrq.deserialize(message);
  } catch (error) {
    return helper.sendError(error);
  }
  this.method = 'GET';
  this.file = message.file;
};
`;

const PACKETS = `module.exports = { rrq: require('./rrq') };\n`;
const RRQ = `var readRequest = require('./read-request');
module.exports = {
  deserialize: function (buffer) {
    return readRequest(buffer, true);
  },
};
`;
const READ = `var normalizeFilename = require('./normalize-filename');
module.exports = function (buffer) {
  var file = buffer.toString('utf8', 2, buffer.indexOf(0, 2));
  try {
    file = normalizeFilename(file);
  } catch (error) {
    throw new Error('bad name');
  }
  return { file: file, mode: 'octet' };
};
`;
const NORMALIZE = `var path = require('path');
module.exports = function (filename) {
  filename = path.normalize(filename);
  if (filename.indexOf('..') === 0) {
    throw new Error('The path of the filename cannot point to upper levels');
  }
  return filename;
};
`;

const TREE: Record<string, string> = {
  'lib/server.js': SERVER,
  'lib/streams/get-stream.js': STREAM,
  'lib/packets/index.js': PACKETS,
  'lib/packets/rrq.js': RRQ,
  'lib/packets/read-request.js': READ,
  'lib/packets/normalize-filename.js': NORMALIZE,
};

/** The js-path-traversal lines reported on lib/server.js, with some files of the tree replaced or added. */
async function lines(change: Record<string, string> = {}): Promise<number[]> {
  const files = { ...TREE, ...change };
  const server = files['lib/server.js']!;
  const found = await codeAnalyzer.analyze(makeSourceFile('lib/server.js', server), makeMemoryContext(files));
  return found.filter((f) => f.ruleId === 'code/js-path-traversal').map((f) => f.location.startLine);
}

describe("a request field the program's own parser refused `..` in", () => {
  it('drops the server listener reading a name normalised and refused at its prefix, two modules away', async () => {
    expect(await lines()).toEqual([]);
  });

  it('drops it with a parser that refuses `..` anywhere without normalising', async () => {
    const guard = NORMALIZE.replace('filename = path.normalize(filename);\n', '').replace(
      "filename.indexOf('..') === 0",
      "filename.includes('..')",
    );
    expect(await lines({ 'lib/packets/normalize-filename.js': guard })).toEqual([]);
  });

  it('keeps it when the parser normalises but does not refuse `..`', async () => {
    const weak = `var path = require('path');\nmodule.exports = function (filename) {\n  filename = path.normalize(filename);\n  return filename;\n};\n`;
    expect(await lines({ 'lib/packets/normalize-filename.js': weak })).toEqual([18]);
  });

  it('keeps it when the prefix test is made without normalising (`a/../../etc`)', async () => {
    const raw = NORMALIZE.replace('filename = path.normalize(filename);\n', '');
    expect(await lines({ 'lib/packets/normalize-filename.js': raw })).toEqual([18]);
  });

  it('keeps it when the normalising happens after the test', async () => {
    const late = NORMALIZE.replace('  filename = path.normalize(filename);\n', '').replace(
      '  return filename;',
      '  filename = path.normalize(filename);\n  return filename;',
    );
    expect(await lines({ 'lib/packets/normalize-filename.js': late })).toEqual([18]);
  });

  it('keeps it when another file writes the field from raw input', async () => {
    const other = `module.exports = function (gs, message) {\n  gs.file = message.toString();\n};\n`;
    expect(await lines({ 'lib/streams/rename.js': other })).toEqual([18]);
  });

  it('keeps it when the parse failure is swallowed', async () => {
    const swallowed = STREAM.replace('    return helper.sendError(error);\n', '    helper.log(error);\n');
    expect(await lines({ 'lib/streams/get-stream.js': swallowed })).toEqual([18]);
  });

  it('keeps it when the parser returns the raw name on one path', async () => {
    const twice = READ.replace('  try {', '  if (buffer[1] === 9) return { file: file };\n  try {');
    expect(await lines({ 'lib/packets/read-request.js': twice })).toEqual([18]);
  });

  it('keeps it when the name is opened as it is (an absolute name is not refused)', async () => {
    const direct = SERVER.replace("this.root + '/' + req.file", 'req.file');
    expect(await lines({ 'lib/server.js': direct })).toEqual([18]);
  });

  it('keeps it when the emitted object is handed in from outside', async () => {
    const handed = SERVER.replace('var gs = new GetStream(message);', 'var gs = message.stream;');
    expect(await lines({ 'lib/server.js': handed })).toEqual([18]);
  });

  it('keeps it when the stream copies fields it was given', async () => {
    const copied = STREAM.replace("  this.method = 'GET';", '  Object.assign(this, helper.extra);');
    expect(await lines({ 'lib/streams/get-stream.js': copied })).toEqual([18]);
  });

  // review38: the nearest vulnerable code each proof step must not take (each was dropped on c0e9054b).
  it('keeps it when the file also calls the listener with a parsed message', async () => {
    const direct = SERVER.replace(
      "      me.emit('request', gs);",
      "      me.emit('request', gs);\n      me.requestListener(JSON.parse(message));",
    );
    expect(await lines({ 'lib/server.js': direct })).toEqual([19]);
  });

  it('keeps it when the listener also hears another event emitted with raw input', async () => {
    const twice = SERVER.replace(
      "  this.on('request', this.requestListener);",
      "  this.on('request', this.requestListener);\n  this.once('raw', this.requestListener);",
    ).replace(
      "      me.emit('request', gs);",
      "      me.emit('request', gs);\n      me.emit('raw', JSON.parse(message));",
    );
    expect(await lines({ 'lib/server.js': twice })).toEqual([20]);
  });

  it('keeps it when another file writes the field by a computed key or a destructuring target', async () => {
    const keyed = `module.exports = function (gs, message) {\n  gs['file'] = message.toString();\n};\n`;
    const pattern = `module.exports = function (gs, message) {\n  ({ file: gs.file } = JSON.parse(message));\n};\n`;
    expect(await lines({ 'lib/streams/rename.js': keyed })).toEqual([18]);
    expect(await lines({ 'lib/streams/rename.js': pattern })).toEqual([18]);
  });

  it('keeps it when a subclass emitted instead declares the field as a class field', async () => {
    const sub = `var GetStream = require('./get-stream');\nclass SubStream extends GetStream {\n  file = this.raw.toString();\n}\nmodule.exports = SubStream;\n`;
    const server = SERVER.replace("require('./streams/get-stream')", "require('./streams/sub-stream')");
    expect(await lines({ 'lib/streams/sub-stream.js': sub, 'lib/server.js': server })).toEqual([18]);
  });

  it('keeps it when the parser rebinds the checked name by destructuring', async () => {
    const rebound = READ.replace(
      '  return { file: file',
      '  if (buffer[1] === 9) [file] = [buffer.toString()];\n  return { file: file',
    );
    expect(await lines({ 'lib/packets/read-request.js': rebound })).toEqual([18]);
  });
});
