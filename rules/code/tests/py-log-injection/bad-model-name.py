import logging

from django.http import HttpResponse

logger = logging.getLogger(__name__)


def query(request):
    model = request.GET.get("model")
    # The name the client sent, not a model class.
    # ruleid: code/py-log-injection
    logger.info("unknown model %s", model)
    return HttpResponse("ok")
