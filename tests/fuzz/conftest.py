"""The fuzz tests' fixtures: a fresh recorder per test, one summary line per run.

The tests: test_public_search_and_api.py, test_public_pages.py and test_public_posts.py send
hostile input to every public endpoint (tests/fuzz/harness.py says what they assert, values.py
what they send); test_admin_sweep.py walks the admin as each kind of user."""

import pytest

from tests.fuzz.harness import STATS, Fuzz


@pytest.fixture
def fuzz():
    return Fuzz()


@pytest.fixture(scope="session", autouse=True)
def fuzz_summary(request):
    """One line in the CI log at the end of the run, whatever -q says."""
    yield
    if not STATS.requests:
        return
    lines = [
        f"fuzz: {STATS.requests} requests, {STATS.responses_5xx} responses >= 500 "
        f"({len(STATS.server_errors)} distinct); slowest {STATS.slowest[0]:.1f} s: "
        f"{STATS.slowest[1][:160]}"
    ]
    for error in STATS.server_errors.values():
        lines.append(
            f"  {error.status} ×{error.count} at {error.where}: {error.exception[:160]} "
            f"— e.g. {error.request[:200]}"
        )
    capture = request.config.pluginmanager.getplugin("capturemanager")
    reporter = request.config.pluginmanager.getplugin("terminalreporter")
    with capture.global_and_fixture_disabled():
        for line in lines:
            reporter.write_line(line)
