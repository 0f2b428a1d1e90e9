import { describe, expect, it } from 'vitest';
import { handlesSiteLinks } from './site-client.js';

describe('a module that handles one website’s page links', () => {
  it('is told by a pattern of the site’s links that captures part of the address', () => {
    // A video downloader's extractor (Python raw string, a named group).
    expect(
      handlesSiteLinks(`_VALID_URL = r'https?://(?:www\\.)?exampletube\\.com/watch/(?P<id>[0-9]+)'`),
    ).toBe(true);
    // The same host written without the optional www group, a plain group after other path parts.
    expect(handlesSiteLinks(`URL_RE = r'https?://video\\.example\\.org/(?:embed|v)/([a-z0-9]+)'`)).toBe(true);
    // A JavaScript regex literal (escaped slashes) in a link-preview plugin.
    expect(
      handlesSiteLinks('re: [/^https?:\\/\\/(?:www\\.)?exampletube\\.com\\/watch\\?v=([\\w-]+)/i],'),
    ).toBe(true);
    // A verbose Python pattern over several lines.
    const verbose = [
      "    _VALID_URL = r'''(?x)",
      '                    https?://',
      '                        (?:(?:www|touch)\\.)?exampletube\\.[a-z]{2,3}/',
      '                        (?:embed/)?video/(?P<id>[^/?_&]+)',
      "                    '''",
    ].join('\n');
    expect(handlesSiteLinks(verbose)).toBe(true);
  });

  it('is told by a base pattern of the site that the patterns of its pages extend with a captured part', () => {
    const base = "    _VALID_URL_BASE = r'https?://(?:www\\.)?exampletube\\.(?:com|net)/'";
    expect(handlesSiteLinks(`${base}\n    _VALID_URL = _VALID_URL_BASE + r'videos/(?P<id>[0-9]+v)'`)).toBe(
      true,
    );
    expect(
      handlesSiteLinks(`${base}\n    _VALID_URL = r'%s(?:tv|news)/(?P<id>[0-9]+c)' % BaseIE._VALID_URL_BASE`),
    ).toBe(true);
    // A base nothing extends, or extends without a capture: a link matched whole.
    expect(handlesSiteLinks(base)).toBe(false);
    expect(handlesSiteLinks(`${base}\n    _VALID_URL = _VALID_URL_BASE + r'(?:videos|tv)/[0-9]+'`)).toBe(
      false,
    );
  });

  it('is not told by a test that a value is any web address, a site’s origin, or a link matched whole', () => {
    // Any http(s) address: no site.
    expect(handlesSiteLinks('if (!/^https?:\\/\\//.test(url)) throw new Error("bad url");')).toBe(false);
    expect(handlesSiteLinks(`if not re.match(r'https?://([^/]+)/(.*)', url): raise ValueError(url)`)).toBe(
      false,
    );
    // A CORS allow-list of the project's own origins: no path, nothing captured.
    expect(handlesSiteLinks('app.use(cors({ origin: /^https?:\\/\\/(.+\\.)?example\\.com$/ }));')).toBe(
      false,
    );
    expect(handlesSiteLinks(`ALLOWED = re.compile(r'^https?://(.+\\.)?example\\.com$')`)).toBe(false);
    // A webhook address checked whole, nothing captured.
    expect(
      handlesSiteLinks(`HOOK = re.compile(r'^https?://hooks\\.example\\.com/services/[A-Z0-9/]+$')`),
    ).toBe(false);
    // A comment that names the scheme pattern.
    expect(handlesSiteLinks('# URLs starting with `https?://` in manifests (see example.com/docs)')).toBe(
      false,
    );
    // Only non-capturing groups and a look-ahead in the path.
    expect(handlesSiteLinks(`r'https?://(?:www\\.)?example\\.com/(?:a|b)/(?!x)[^/]+'`)).toBe(false);
  });
});
