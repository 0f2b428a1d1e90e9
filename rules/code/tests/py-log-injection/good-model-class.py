import logging

from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponse

logger = logging.getLogger(__name__)


def query(request):
    content_type = ContentType.objects.get(model=request.GET.get("model"))
    # The model class a content type names: its text is the class's dotted name.
    logger.info("querying %s", content_type.model_class())
    return HttpResponse("ok")
