from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt


# A cookie session admits the request: another site's form can post here.
@login_required
# ruleid: code/py-csrf-disabled
@csrf_exempt
def delete_account(request):
    request.user.delete()
    return HttpResponse("gone")
