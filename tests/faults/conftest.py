"""Browser fixtures shared with tests/browser (Debian Chromium, real streamlit servers) and
the real file-system faults of `disks`."""

from tests.browser.conftest import browser, new_page  # noqa: F401
from tests.faults.disks import read_only_file, tiny_disk  # noqa: F401
