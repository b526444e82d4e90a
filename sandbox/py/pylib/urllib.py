# urllib: the package of urllib.request, urllib.parse and urllib.error.
