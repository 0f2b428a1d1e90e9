# ruleid: code/py-audit-api-key
API_KEY = "fake-app-key-0002"


class ImgGamingBaseIE:
    # ruleid: code/py-audit-api-key
    _API_KEY = "fake-app-key-0001"
