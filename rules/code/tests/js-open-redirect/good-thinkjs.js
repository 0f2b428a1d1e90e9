// A store whose get() is its own, not a ThinkJS controller: what it holds is the program's.
class Visits extends Map {
  redirect(url) {
    this.last = url;
  }

  back() {
    this.redirect(this.get('next'));
  }
}

module.exports = class extends think.Controller {
  async profileAction() {
    const { page } = this.get();
    // A path of this site, whatever follows it.
    this.redirect(`/ui/profile?page=${page}`);
  }

  async homeAction() {
    this.redirect('/ui');
  }
};

module.exports.Visits = Visits;
