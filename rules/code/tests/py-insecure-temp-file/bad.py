import tempfile
from tempfile import mktemp

# ruleid: code/py-insecure-temp-file
name = tempfile.mktemp(suffix=".csv")
# ruleid: code/py-insecure-temp-file
other = mktemp()
