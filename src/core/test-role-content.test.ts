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
    expect(testRoleFromContent('import unittest\n\nclass T(unittest.TestCase):\n    pass\n', 'test.py')).toBe(
      'test',
    );
    expect(testRoleFromContent('class A(Base, django.test.TestCase): pass\n', 'app/test.py')).toBe('test');
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
  });
});
