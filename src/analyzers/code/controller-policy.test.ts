import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { checkCallee } from './controller-policy.js';
import { codeAnalyzer } from './index.js';

// A webhook that starts an audit for any signed-in caller (watcher's OSSA-2026-036 shape).
const WEBHOOK = `import pecan
from pecan import rest
import wsmeext.pecan as wsme_pecan


class WebhookController(rest.RestController):
    @wsme_pecan.wsexpose(None, str, status_code=202)
    def post(self, audit_ident):
        context = pecan.request.context
        audit = utils.get_resource('Audit', audit_ident)
        self.client.trigger_audit(context, audit.uuid)
`;

/** A controller module whose exposed methods do (or do not) check the policy. */
function controller(name: string, checks: boolean): string {
  const check = checks ? `        policy.enforce(context, '${name}:get', None)\n` : '';
  return `import pecan
from pecan import rest


class ${name}Controller(rest.RestController):
    @pecan.expose('json')
    def get_all(self):
        context = pecan.request.context
${check}        return pecan.request.storage.list('${name}')
`;
}

/** The rule's findings on api/v1/webhooks.py beside `modules`, as `rule line`. */
async function findings(modules: Record<string, string>, text = WEBHOOK): Promise<string[]> {
  const files = { 'api/v1/webhooks.py': text, ...modules };
  const found = await codeAnalyzer.analyze(
    makeSourceFile('api/v1/webhooks.py', text),
    makeMemoryContext(files),
  );
  return found
    .filter((f) => f.ruleId === 'code/py-controller-missing-policy')
    .map((f) => `${f.ruleId} ${f.location.startLine}`);
}

const CHECKING = {
  'api/v1/audit.py': controller('Audit', true),
  'api/v1/goal.py': controller('Goal', true),
  'api/v1/strategy.py': controller('Strategy', true),
  'api/v1/root.py': controller('Root', false),
};

describe('a controller method that changes state without a policy check', () => {
  it('is reported when the other controllers of its folder check the policy', async () => {
    expect(await findings(CHECKING)).toEqual(['code/py-controller-missing-policy 8']);
  });

  it('is not reported when too few of the folder’s controllers check, or they are in another folder', async () => {
    expect(await findings({ ...CHECKING, 'api/v1/goal.py': controller('Goal', false) })).toEqual([]);
    // Two thirds of the folder's other controllers check (4 of 6): reported; 3 of 5: not.
    expect(await findings({ ...CHECKING, 'api/v1/extra.py': controller('Extra', false) })).toEqual([]);
    const more = {
      'api/v1/extra.py': controller('Extra', false),
      'api/v1/action.py': controller('Action', true),
    };
    expect(await findings({ ...CHECKING, ...more })).toEqual(['code/py-controller-missing-policy 8']);
    const elsewhere = Object.fromEntries(
      Object.entries(CHECKING).map(([k, v]) => [k.replace('v1', 'v2'), v]),
    );
    expect(await findings(elsewhere)).toEqual([]);
  });

  it('is not reported when a function of its module makes the check', async () => {
    const helper = WEBHOOK.replace(
      '        self.client.trigger_audit',
      '        self._allowed(context, audit)\n        self.client.trigger_audit',
    ).concat(`
    def _allowed(self, context, audit):
        policy.enforce(context, 'audit:trigger', audit)
`);
    expect(await findings(CHECKING, helper)).toEqual([]);
  });
});

/** A Falcon resource module whose responders do (or do not) check the policy by a decorator. */
function resource(name: string, checks: boolean): string {
  const check = checks ? `    @acl.enforce('${name}:create')\n` : '';
  return `class ${name}Resource(object):
${check}    def on_put(self, req, resp, project_id, name):
        self._storage.create(name, project=project_id)
`;
}

describe('a Falcon responder that changes state without a policy check', () => {
  it('is reported when the folder’s other resources check the policy in every responder', async () => {
    const purge = resource('Purge', false).replace('on_put', 'on_post');
    const folder = {
      'api/v1/queues.py': resource('Queue', true),
      'api/v1/topics.py': resource('Topic', true),
      'api/v1/pools.py': resource('Pool', true),
    };
    expect(await findings(folder, purge)).toEqual(['code/py-controller-missing-policy 2']);
    const unchecked = { ...folder, 'api/v1/pools.py': resource('Pool', false) };
    expect(await findings(unchecked, purge)).toEqual([]);
  });
});

describe('checkCallee', () => {
  it('names a check by the callee last name, or a policy object before it', () => {
    const yes = [
      'policy.enforce',
      'enforce',
      'self.authorize',
      'ctx.can',
      'self.policy.check',
      'acl_policy.get',
      'utils.check_permission',
      'request.user.has_perm',
      'Policies.x',
    ];
    const no = [
      'self.client.trigger_audit',
      'can_do',
      'policy.',
      'policy().check',
      'self.policy.x.y',
      'enforce()',
      '',
      'pecan.abort',
    ];
    expect(yes.filter((t) => !checkCallee(t))).toEqual([]);
    expect(no.filter((t) => checkCallee(t))).toEqual([]);
  });

  it('reads a long callee in linear time', () => {
    // A pattern over the whole text took seconds here (quadratic in the callee's length).
    const text = `${'polic'.repeat(80_000)}.x.y`;
    const start = performance.now();
    expect(checkCallee(text)).toBe(false);
    expect(performance.now() - start).toBeLessThan(200);
  });
});
