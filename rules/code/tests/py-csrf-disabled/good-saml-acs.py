from django.contrib import auth
from django.http import HttpResponseRedirect
from django.views.decorators.csrf import csrf_exempt
from onelogin.saml2.auth import OneLogin_Saml2_Auth


def prepare(request):
    return {"http_host": request.get_host(), "script_name": request.path, "post_data": request.POST.copy()}


# The SAML identity provider posts the signed assertion here from its own site (HTTP-POST binding): the
# assertion consumer service, named as python3-saml and django-saml2-auth name it.
@csrf_exempt
def acs(request):
    saml = OneLogin_Saml2_Auth(prepare(request))
    saml.process_response()
    user = auth.authenticate(request, saml_attributes=saml.get_attributes())
    auth.login(request, user)
    return HttpResponseRedirect("/")


@csrf_exempt
def sp_acs(request):
    return acs(request)


@csrf_exempt
def saml2_acs(request):
    return acs(request)
