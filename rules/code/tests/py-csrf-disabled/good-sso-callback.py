from django.contrib import auth
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt


# The identity provider's page posts the signed token here from its own site (SAML/WebSSO POST binding).
@csrf_exempt
@never_cache
def websso(request):
    token = request.POST.get("token")
    user = auth.authenticate(request, token=token)
    auth.login(request, user)


@csrf_exempt
def saml_acs(request):
    return websso(request)


@csrf_exempt
def oidc_callback(request):
    return websso(request)
