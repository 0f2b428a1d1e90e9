# bottle's routes that escape what they echo; a test's mock.patch decorator is no route.
from html import escape
from unittest.mock import patch

from bottle import get, route, run


@route('/hello/<name>')
def hello(name):
    return '<b>Hello ' + escape(name) + '</b>'


@get('/tag/<tag>')
def tag(tag):
    return {'tag': tag}


@patch('os.getcwd')
def fake_cwd(path):
    return '<b>' + path + '</b>'


run(host='localhost', port=8080)
