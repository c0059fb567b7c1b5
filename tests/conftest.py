"""Test session setup: the extractor cache goes to a private temporary folder, not ~/.cache."""

import os
import tempfile

os.environ.setdefault("ARABIC_KG_CACHE_DIR", tempfile.mkdtemp(prefix="arabic-kg-test-cache-"))
