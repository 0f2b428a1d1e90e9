import os

API_KEY = os.environ["SERVICE_API_KEY"]
API_KEY_HEADER = "X-Api-Key"


def test_client():
    api_key = "k-0123456789"
    return api_key
