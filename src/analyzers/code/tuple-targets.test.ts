import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../../core/finding.js';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

/** The py-open-redirect findings' lines in `entry` of an in-memory project. */
async function redirects(files: Record<string, string>, entry: string): Promise<number[]> {
  const ctx = makeMemoryContext(files, {}, `/virtual-tuple-${Object.keys(files).join('-')}`);
  const found: RawFinding[] = await codeAnalyzer.analyze(makeSourceFile(entry, files[entry]!), ctx);
  return found
    .filter((f) => f.ruleId === 'code/py-open-redirect')
    .map((f) => f.location.startLine)
    .sort((a, b) => a - b);
}

const HEAD = 'from django.shortcuts import redirect\n\n';

describe('Python tuple targets (a, b = …)', () => {
  it('gives each name its own element of a tuple right side', async () => {
    const code = `${HEAD}def view(request):
    nxt, home = request.GET["next"], "/home"
    if request.user.is_anonymous:
        return redirect(home)
    return redirect(nxt)
`;
    expect(await redirects({ 'app/views.py': code }, 'app/views.py')).toEqual([7]);
  });

  it("gives each name its element of a local function's tuple returns", async () => {
    const code = `${HEAD}def split(request):
    if "next" in request.GET:
        return request.GET["next"], "/home"
    return "/", "/home"

def view(request):
    nxt, home = split(request)
    return redirect(home)

def view2(request):
    nxt, home = split(request)
    return redirect(nxt)
`;
    expect(await redirects({ 'app/views.py': code }, 'app/views.py')).toEqual([14]);
  });

  it("gives each name its element of another module's function (the summary per element)", async () => {
    const helper = `def get_pair(params):
    row = Row.objects.get(pk=1)
    row.guid = params["id"]
    return row, params["next"]

def get_pair_back(params):
    return params["next"], "/fixed"
`;
    const views = `${HEAD}from app.helpers import get_pair, get_pair_back

def first(request):
    row, nxt = get_pair(request.POST)
    return redirect(row)

def second(request):
    row, nxt = get_pair(request.POST)
    return redirect(nxt)

def fixed(request):
    nxt, home = get_pair_back(request.POST)
    return redirect(home)
`;
    const files = { 'app/__init__.py': '', 'app/helpers.py': helper, 'app/views.py': views };
    // `row` holds the request value in a field it was given; `nxt` is the request value itself.
    expect(await redirects(files, 'app/views.py')).toEqual([7, 11]);
  });

  it('takes the whole value when the right side is no tuple of that length', async () => {
    const code = `${HEAD}def view(request):
    a, b = request.GET["pair"].split(",", 1)
    return redirect(b)

def view2(request):
    a, *rest = request.GET["next"], "/x", "/y"
    return redirect(a)

def view3(request):
    pair = (request.GET["next"], "/x")
    a, b = pair
    return redirect(b)
`;
    expect(await redirects({ 'app/views.py': code }, 'app/views.py')).toEqual([5, 9, 14]);
  });
});
