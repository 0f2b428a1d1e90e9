# An aiohttp application's `setup(app)`: it serves requests, and the relative path is read from wherever the
# server was started, not from a documentation build.
import yaml
from aiohttp import web


async def index(request):
    return web.Response(text="ok")


def setup(app):
    with open("config/routes.yaml") as f:
        # ruleid: code/py-yaml-unsafe-load
        routes = yaml.load(f, Loader=yaml.Loader)
    for path in routes:
        app.router.add_get(path, index)
