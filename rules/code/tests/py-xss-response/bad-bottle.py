# bottle's routes by its bare decorators: a returned string is served as text/html.
from bottle import get, route, run


@route('/hello/<name>')
def hello(name):
    # ruleid: code/py-xss-response
    return '<b>Hello ' + name + '</b>'


@get('/tag/<tag>')
def tag(tag):
    # ruleid: code/py-xss-response
    return f'<h2>Pages tagged {tag}</h2>'


run(host='localhost', port=8080)
