import logging

from django.http import HttpResponse

from .models import Course

logger = logging.getLogger(__name__)


def launch(request):
    # The ORM's `get` answers the stored row its keywords select: the database's text, not the request's.
    course = Course.objects.get(lms=request.POST["consumer"], guid=request.POST["context_id"])
    logger.info("Deleting course (id: %d - lms id: %s)" % (course.id, str(course.lms_guid)))
    return HttpResponse("ok")
