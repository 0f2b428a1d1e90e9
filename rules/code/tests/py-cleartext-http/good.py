import urllib.request

import requests

r = requests.get("https://api.partner.com/v1/orders", timeout=5)
local = requests.get("http://localhost:8080/health")
loop = requests.get("http://127.0.0.1:9000/metrics")
lan = requests.get("http://192.168.1.20/status")
page = urllib.request.urlopen("https://example.org/feed.xml")
