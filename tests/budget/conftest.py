"""The browser fixtures of tests/browser, for the budget page's browser test."""

from tests.browser.conftest import (  # noqa: F401
    app_server,
    app_server_env,
    browser,
    new_page,
    page,
)
