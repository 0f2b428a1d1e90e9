// The word `show` is also a git command and an action in a page's URL: none of it is a view's name.
const { spawn } = require('child_process');

function gitSpawn(args, cb) {
  const git = spawn('git', args);
  let out = '';
  git.stdout.on('data', (d) => (out += d));
  git.on('close', () => cb(out));
}

function Page(name) {
  this.name = name;
}

Page.prototype.urlFor = function (action) {
  return '/wiki/' + encodeURIComponent(this.name) + (action === 'show' ? '' : '/' + action);
};

Page.prototype.urlForShow = function () {
  return this.urlFor('show');
};

Page.prototype.fetch = function (cb) {
  gitSpawn(['show', 'HEAD:' + this.name + '.md'], (content) => {
    this.lastCommand = 'show';
    this.content = content;
    cb();
  });
};

module.exports = { Page };
