"""Test session setup: the extractor cache goes to a private temporary folder, not ~/.cache, and the
folder is removed when the session ends (each run would otherwise leave ~35 MB behind in /tmp)."""

import atexit
import os
import shutil
import tempfile

if "ARABIC_KG_CACHE_DIR" not in os.environ:
    _cache_dir = tempfile.mkdtemp(prefix="arabic-kg-test-cache-")
    os.environ["ARABIC_KG_CACHE_DIR"] = _cache_dir
    atexit.register(shutil.rmtree, _cache_dir, ignore_errors=True)
