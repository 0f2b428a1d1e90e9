import tempfile

with tempfile.NamedTemporaryFile(suffix=".csv", delete=False) as f:
    name = f.name
fd, other = tempfile.mkstemp()
