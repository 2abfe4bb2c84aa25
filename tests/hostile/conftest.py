"""Browser fixtures shared with tests/browser (Debian Chromium, real streamlit servers)."""

from tests.browser.conftest import browser, new_page  # noqa: F401
