from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt

from .models import AccessControl


# Access-control entries of a network device ("ACs"), edited with the user's cookie session: a page on another
# site can post here. Neither is a single sign-on endpoint: nothing in this module signs anyone in.
# ruleid: code/py-csrf-disabled
@csrf_exempt
def update_acs(request):
    AccessControl.objects.filter(owner=request.user).update(rules=request.POST["rules"])
    return JsonResponse({"ok": True})


# ruleid: code/py-csrf-disabled
@csrf_exempt
def acs(request):
    AccessControl.objects.create(owner=request.user, rules=request.POST["rules"])
    return JsonResponse({"ok": True})
