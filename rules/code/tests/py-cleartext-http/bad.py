import urllib.request

import requests

# ruleid: code/py-cleartext-http
r = requests.get("http://api.partner.com/v1/orders", timeout=5)
# ruleid: code/py-cleartext-http
requests.post("http://payments.example.com/charge", json={"amount": 1})
# ruleid: code/py-cleartext-http
page = urllib.request.urlopen("http://example.org/feed.xml")
# ruleid: code/py-cleartext-http
requests.request("GET", "http://203.0.113.7/status")
