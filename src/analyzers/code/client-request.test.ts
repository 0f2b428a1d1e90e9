import { describe, expect, it } from 'vitest';
import { crawlerModule } from './client-request.js';

describe('crawlerModule', () => {
  it('is a module that imports Scrapy and no framework serving requests', () => {
    expect(crawlerModule('import logging\nfrom scrapy.http import Response\n')).toBe(true);
    expect(crawlerModule('import scrapy\n\nclass S(scrapy.Spider):\n    pass\n')).toBe(true);
  });

  it('is not a module that also imports a web framework or scrapyd', () => {
    expect(crawlerModule('from flask import Flask\nfrom scrapy import Request\n')).toBe(false);
    expect(crawlerModule('from django.http import HttpRequest\nimport scrapy\n')).toBe(false);
    expect(
      crawlerModule('from twisted.web import resource\nfrom scrapy.utils.misc import load_object\n'),
    ).toBe(false);
    expect(crawlerModule('from scrapyd.webservice import WsResource\nimport scrapy\n')).toBe(false);
  });

  it('is not a module that only names Scrapy in text', () => {
    expect(crawlerModule('# uses scrapy elsewhere\nimport requests\n')).toBe(false);
    expect(crawlerModule('import scrapy_splash\n')).toBe(false);
  });
});
