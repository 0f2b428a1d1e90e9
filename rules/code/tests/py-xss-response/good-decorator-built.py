import functools

from werkzeug.wrappers import Response

from .pool import Pool
from .wsgi import app


def with_pool(func):
    """Takes the route's database part and passes the database's pool in its place."""

    @functools.wraps(func)
    def wrapper(request, database_name, *args, **kwargs):
        return func(request, Pool(database_name), *args, **kwargs)

    return wrapper


@app.route("/<database_name>/user/application/", methods=["POST"])
@with_pool
def user_application(request, pool):
    UserApplication = pool.get("res.user.application")
    application, = UserApplication.create([{"state": "requested"}])
    key = application.key
    return key


@app.route("/<database_name>/lang/<int:lang_id>")
@with_pool
def lang_title(request, pool, lang_id):
    Lang = pool.get("ir.lang")
    return Response("<h1>" + Lang.get_title() + "</h1>", mimetype="text/html")
