from django.http import JsonResponse
from django.utils.crypto import constant_time_compare
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


# The workers' API: the request must carry the job's token in a header another site's page cannot set.
@require_POST
@csrf_exempt
def internal_jobs_logs(request, pk):
    job = Job.objects.get(pk=pk)
    token = request.META.get("HTTP_LAVA_TOKEN")
    if token is None or not constant_time_compare(token, job.token):
        return JsonResponse({"error": "Invalid 'token'"}, status=400)
    job.append(request.POST.get("lines"))
    return JsonResponse({"ok": True})


# The header's value as the second argument, read into a name first.
@require_POST
@csrf_exempt
def hook(request):
    expected = Hook.objects.get().secret
    sent = request.headers.get("X-Hook-Token", "")
    if not constant_time_compare(expected, sent):
        return JsonResponse({"error": "forbidden"}, status=403)
    return JsonResponse({"ok": True})
