import json

from django.http import HttpResponse


# A caller in the file passes an HTML type, or the function sets one itself: the body is a page.
def response_for(request, data, content_type='application/json', jsonp=False):
    content = json.dumps(data)
    if jsonp:
        content = "%s(%s)" % (jsonp, content)
    # ruleid: code/py-xss-response
    return HttpResponse(content, content_type=content_type)


def page_for(request, body, content_type='text/plain'):
    if request.GET.get('html'):
        content_type = 'text/html'
    # ruleid: code/py-xss-response
    return HttpResponse(body, content_type=content_type)


def find_view(request):
    page_for(request, request.GET.get('q'))
    return response_for(request, [], content_type='text/html', jsonp=request.GET.get('jsonp', False))


# The same helper, but a caller gives the type by position: the request's text is served as a page.
def respond(request, data, content_type="application/json"):
    # ruleid: code/py-xss-response
    return HttpResponse(data, content_type=content_type)


def preview(request):
    return respond(request, request.GET["body"], "text/html")
