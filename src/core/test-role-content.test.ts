import { describe, expect, it } from 'vitest';
import { roleClassifier, testRoleFromContent } from './file-role.js';

describe('testRoleFromContent: a module named test.py that holds unittest test cases', () => {
  const plugin = [
    'from supybot.test import *',
    '',
    'class ConfigTestCase(ChannelPluginTestCase):',
    "    plugins = ('Config',)",
    '    def testReload(self):',
    "        self.assertNotError('config reload')",
    '',
  ].join('\n');
  it('gives a test.py with a TestCase subclass the test role', () => {
    expect(testRoleFromContent(plugin, 'supybot/plugins/Config/test.py')).toBe('test');
    const own = 'import unittest\n\nclass T(unittest.TestCase):\n    def test_ping(self):\n        pass\n';
    expect(testRoleFromContent(own, 'test.py')).toBe('test');
    const django = 'class A(Base, django.test.TestCase):\n    async def testView(self):\n        pass\n';
    expect(testRoleFromContent(django, 'app/test.py')).toBe('test');
    expect(roleClassifier()('pkg/test.py', testRoleFromContent(plugin, 'pkg/test.py'))).toBe('test');
  });
  it("leaves shipped modules named test.py, and other files' test cases, to their path", () => {
    // Werkzeug's test client and SaltStack's test execution module define no test case.
    const client =
      'class EnvironBuilder:\n    pass\n\nclass Client:\n    def open(self, *args):\n        pass\n';
    expect(testRoleFromContent(client, 'werkzeug/test.py')).toBeUndefined();
    expect(testRoleFromContent('def ping():\n    return True\n', 'salt/modules/test.py')).toBeUndefined();
    // A class named like a test case but not built on one, and a string that mentions one.
    expect(testRoleFromContent('class TestCaseRunner(object):\n    pass\n', 'pkg/test.py')).toBeUndefined();
    expect(testRoleFromContent("HELP = 'class X(TestCase)'\n", 'pkg/test.py')).toBeUndefined();
    expect(testRoleFromContent(plugin, 'pkg/plugin.py')).toBeUndefined();
    expect(testRoleFromContent(plugin, 'pkg/test.pyc')).toBeUndefined();
    // A shipped module that defines only the test case base classes its users build on (limnoria's
    // `supybot/test.py`), here beside a view of its own: no test of its own, so read as source (review40).
    const framework = [
      'import unittest',
      'class SupyTestCase(unittest.TestCase):',
      '    def setUp(self):',
      '        pass',
      '',
      '@app.route("/run")',
      'def run():',
      '    return check_output(request.args["cmd"], shell=True)',
      '',
    ].join('\n');
    expect(testRoleFromContent(framework, 'supybot/test.py')).toBeUndefined();
  });
});
