# A client program's app key for the web service it calls: the audit profile's lead (code/py-audit-api-key).
API_KEY = "fake-app-key-0002"


class ImgGamingBaseIE:
    _API_KEY = "fake-app-key-0001"
    _TOKEN_API_KEY = "fake-app-key-0003"
