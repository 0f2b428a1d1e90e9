import json

from django.http import HttpResponse


# The content type is a name the function binds only to JSON and JavaScript (JSONP), with a charset
# appended: the callback the request names is never served as a page.
def json_response_for(request, data, content_type='application/json', jsonp=False):
    content = json.dumps(data)
    if jsonp:
        content = "%s(%s)" % (jsonp, content)
        content_type = 'text/javascript'
    if request.GET.get('utf8'):
        content_type += ';charset=utf-8'
    return HttpResponse(content, content_type=content_type)


def find_view(request):
    return json_response_for(request, [], jsonp=request.GET.get('jsonp', False))
