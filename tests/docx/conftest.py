"""The browser fixtures of tests/browser, for the copy-button and page tests in this folder."""

from tests.browser.conftest import (  # noqa: F401 - pytest finds fixtures by name
    app_server,
    app_server_env,
    browser,
    new_page,
    page,
)
