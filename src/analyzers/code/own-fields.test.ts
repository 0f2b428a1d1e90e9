import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

// A page's classic scripts sharing globals: a tab control made by one script, its tabs written by another.
const TABS = `function createTabControl({ p_div, p_layout }) {
  var v_tabControl = {
    id: p_div,
    tabCounter: 0,
    createTab: function ({ p_name = '', p_close = true }) {
      var v_index = this.tabCounter;
      this.tabCounter++;
      var v_tab = {
        id: p_div + '_tab' + v_index + '_' + Date.now(),
        text: p_name,
        elementDiv: document.createElement('div'),
      };
      return v_tab;
    },
  };
  return v_tabControl;
}
function createSimpleElement(p_type, p_id) {
  element = document.createElement(p_type);
  element.id = p_id;
  return element;
}
`;

const WORKSPACE = `var v_connTabControl;
function startWorkspace() {
  v_connTabControl = createTabControl({ p_div: 'omnidb_main_tablist', p_layout: 'card' });
  createSimpleElement('div', 'omnidb_status');
}
`;

const QUERY_TAB = `function createQueryTab(p_table) {
  var v_tab = v_connTabControl.selectedTab.tag.tabControl.createTab({ p_name: p_table });
  var v_html = '<div id="txt_query_' + v_tab.id + '"></div><div id="query_result_tabs_' + v_tab.id + '"></div>';
  v_tab.elementDiv.innerHTML = v_html;
  var v_curr_tabs = createTabControl({ p_div: 'query_result_tabs_' + v_tab.id });
  var v_title = document.getElementById('tab_title');
  v_title.id = 'tab_title_' + v_tab.id;
  v_tab.elementDiv.innerHTML = '<span>' + v_tab.text + '</span>';
}
`;

/** The js-xss-audit lines (audit profile) the code analyzer reports on js/query_tab.js beside `scripts`. */
async function findings(scripts: Record<string, string>, page = QUERY_TAB): Promise<number[]> {
  const files = { 'js/tabs.js': TABS, 'js/workspace.js': WORKSPACE, 'js/query_tab.js': page, ...scripts };
  const found = await codeAnalyzer.analyze(
    makeSourceFile('js/query_tab.js', page),
    makeMemoryContext(files, { profile: 'audit' }),
  );
  return found.filter((f) => f.ruleId === 'code/js-xss-audit').map((f) => f.location.startLine);
}

describe("a field of what the page's own method returns", () => {
  it('drops a tab id made of the control id, a counter and a time, read through every script', async () => {
    // Line 8 writes the tab's name, the caller's own parameter: still reported.
    expect(await findings({})).toEqual([8]);
  });

  it("drops it beside another object's method named like the factory, called on that object", async () => {
    const tree = `var v_tree = {
  createTabControl: function (p) { return p; },
  draw: function () { return this.createTabControl(location.hash); },
};
`;
    expect(await findings({ 'js/tree.js': tree })).toEqual([8]);
  });

  it('keeps it when another script writes the field from a reply', async () => {
    const other = `function load(p_return) { var t = v_connTabControl.selectedTab; t.id = p_return.v_data.id; }\n`;
    expect(await findings({ 'js/other.js': other })).toEqual([4, 8]);
  });

  it('keeps it when a caller of the control gives a location part as its id', async () => {
    const other = `function openHash() { createTabControl({ p_div: location.hash.slice(1) }); }\n`;
    expect(await findings({ 'js/other.js': other })).toEqual([4, 8]);
  });

  it('keeps it when another definition of the method returns a field of its argument', async () => {
    const other = `var v_other = { createTab: function (p_data) { return { id: p_data.name }; } };\n`;
    expect(await findings({ 'js/other.js': other })).toEqual([4, 8]);
  });

  it('keeps it when the control is handed on as a value or called with a spread', async () => {
    const passed = `function make(p) { return [p].map(createTabControl); }\n`;
    expect(await findings({ 'js/other.js': passed })).toEqual([4, 8]);
    const spread = `function make(p) { return createTabControl(...p); }\n`;
    expect(await findings({ 'js/other.js': spread })).toEqual([4, 8]);
    const global = `function openHash() { window.createTabControl({ p_div: location.hash }); }\n`;
    expect(await findings({ 'js/other.js': global })).toEqual([4, 8]);
  });

  it('keeps a field of a method the scripts do not define, or of a receiver they never declare', async () => {
    const page = `function show() {
  var v_user = store.loadUser({ p_name: 'me' });
  document.getElementById('who').innerHTML = '<b>' + v_user.id + '</b>';
}
`;
    expect(await findings({}, page)).toEqual([3]);
    const own = `var v_cache = { loadUser: function () { return { id: 'x' }; } };\n`;
    expect(await findings({ 'js/cache.js': own }, page)).toEqual([3]);
  });
  it("keeps it when a script rebinds the method's `this` or writes the field by a literal key", async () => {
    const call = `function load(r) { v_connTabControl.createTab.call({ tabCounter: r.n }, {}); }\n`;
    expect(await findings({ 'js/other.js': call })).toEqual([4, 8]);
    const bind = `function load() { var f = v_connTabControl.createTab.bind({ tabCounter: location.hash }); f({}); }\n`;
    expect(await findings({ 'js/other.js': bind })).toEqual([4, 8]);
    const keyed = `function load(r) { var t = v_connTabControl.selectedTab; t['id'] = r.id; }\n`;
    expect(await findings({ 'js/other.js': keyed })).toEqual([4, 8]);
  });

  it('keeps a field the method writes into its record, or a script writes into the literal', async () => {
    const show = `function show() {
  var t = tabs.createTab();
  document.body.innerHTML = '<div id="' + t.id + '"></div>';
}
`;
    const made = `function createTab(p_name, p_reply) {
  var v_tab = { text: p_name };
  v_tab.id = p_reply.id;
  return v_tab;
}
function showReply() {
  var t = createTab('x', JSON.parse(xhr.responseText));
  document.body.innerHTML = '<div id="' + t.id + '"></div>';
}
`;
    expect(await findings({}, made)).toEqual([8]);
    const literal = `var tabs = { prefix: 'p', createTab: function () { return { id: this.prefix + '_1' }; } };
function load(r) { tabs.prefix = r.p; }
$.get('/p', load);
`;
    expect(await findings({}, literal + show)).toEqual([6]);
  });

  it('keeps a parameter of a factory no script calls (a page handler or a server-written script may)', async () => {
    const page = `function makeTabs(p_div) { return { createTab: function () { return { id: p_div + '_1' }; } }; }
var tabs;
function show() {
  var t = tabs.createTab();
  document.body.innerHTML = '<div id="' + t.id + '"></div>';
}
`;
    expect(await findings({}, page)).toEqual([5]);
    expect(await findings({}, page.replace('var tabs;', "var tabs = makeTabs('x');"))).toEqual([]);
  });
});
