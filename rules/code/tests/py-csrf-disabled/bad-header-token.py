import hmac

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt


# A token compared with a form field's, not a header's: a cross-site form can post it.
# ruleid: code/py-csrf-disabled
@csrf_exempt
def internal_jobs_logs(request, pk):
    job = Job.objects.get(pk=pk)
    if not hmac.compare_digest(request.POST.get("token", ""), job.token):
        return JsonResponse({"error": "Invalid 'token'"}, status=400)
    return JsonResponse({"ok": True})


# A header read for another purpose, and no token compared: cookies admit the request.
# ruleid: code/py-csrf-disabled
@csrf_exempt
def upload(request):
    agent = request.headers.get("User-Agent")
    return JsonResponse({"agent": agent})


# A header read (to go back) and a comparison, but not of the header's value: the user types their own name to
# confirm, which another site's form can post for them while their cookies admit the request.
# ruleid: code/py-csrf-disabled
@csrf_exempt
@login_required
def delete_account(request):
    if not constant_time_compare(request.POST.get("username", ""), request.user.username):
        return JsonResponse({"error": "Type your user name to confirm"}, status=400)
    request.user.delete()
    return redirect(request.META.get("HTTP_REFERER", "/"))
