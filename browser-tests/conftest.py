"""Browser tests: shared fixtures.

Each test module starts its own server (`career-copilot serve`) on a free port with a fresh
data directory, and stops it at the end. One Chromium (the system's, `/usr/bin/chromium`)
serves the whole session; every test opens its own browser context (cookies, storage).

Environment:
- CC_BINARY: the server binary (default `.build/debug/career-copilot` in the repository).
- CC_CHROMIUM: the Chromium executable (default `chromium` on PATH, else /usr/bin/chromium).
- CC_BROWSER_HEADED=1: show the browser (default headless).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect, sync_playwright

REPO = Path(__file__).resolve().parents[1]
SCREENSHOTS = REPO / "docs" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 360, "height": 740}
STATUSES = ["saved", "applied", "screening", "interviewing", "offer", "accepted", "rejected", "withdrawn"]

# Playwright's default waits (30 s) are far longer than any page here needs: fail fast, but
# leave room for a machine busy compiling.
ACTION_TIMEOUT_MS = 10_000
expect.set_options(timeout=ACTION_TIMEOUT_MS)


# Measures sideways scrolling at the current width, naming the elements that stick out
# (outside scroll containers such as the board).
OVERFLOW = """() => {
  const width = window.innerWidth;
  const scrolling = document.scrollingElement.scrollWidth;
  const body = document.body.scrollWidth;
  // For the message: the outermost elements that stick out, outside scroll containers.
  const culprits = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.board')) continue;
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && !culprits.some((c) => c.el.contains(el))) {
      culprits.push({el, text: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().replace(/\\s+/g, '.') : '') + ' right=' + Math.round(box.right)});
    }
  }
  return {width, scrolling, body, culprits: culprits.slice(0, 8).map((c) => c.text)};
}"""


def binary_path() -> Path:
    configured = os.environ.get("CC_BINARY", ".build/debug/career-copilot")
    path = Path(configured)
    return path if path.is_absolute() else (REPO / path)


def chromium_path() -> str:
    configured = os.environ.get("CC_CHROMIUM")
    if configured:
        return configured
    return shutil.which("chromium") or "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --------------------------------------------------------------------------------------------
# The server
# --------------------------------------------------------------------------------------------



class Server:
    """One `career-copilot serve` process with its own data directory and port."""

    def __init__(self, *, single_user: bool, demo: bool = False) -> None:
        self.single_user = single_user
        self.demo = demo
        self.data_dir = Path(tempfile.mkdtemp(prefix="cc-browser-"))
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = self.data_dir / "server.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def database(self) -> Path:
        return self.data_dir / "career-copilot.sqlite"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            CC_DATA_DIR=str(self.data_dir),
            PORT=str(self.port),
            CC_SINGLE_USER="1" if self.single_user else "0",
            LOG_LEVEL=os.environ.get("CC_BROWSER_LOG_LEVEL", "warning"),
        )
        env.pop("DATABASE_URL", None)
        return env

    def start(self) -> "Server":
        binary = binary_path()
        if not (binary.is_file() and os.access(binary, os.X_OK)):
            raise RuntimeError(f"server binary {binary} not found: run `swift build` first, or set CC_BINARY")
        self.port = free_port()
        if self.demo:
            self._run_demo_command(binary)
        self._spawn(binary)
        try:
            self._wait_healthy()
        except Exception as error:
            self.stop(remove_data=False)
            raise RuntimeError(f"server did not start: {error}\n{self.log_tail()}") from error
        return self

    def _run_demo_command(self, binary: Path) -> None:
        result = subprocess.run(
            [str(binary), "demo"], env=self.env(), capture_output=True, timeout=60, cwd=self.data_dir
        )
        if result.returncode != 0:
            raise RuntimeError(f"`career-copilot demo` failed: {result.stderr.decode(errors='replace')[-2000:]}")

    def _spawn(self, binary: Path) -> None:
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [str(binary), "serve"], env=self.env(), stdout=log, stderr=subprocess.STDOUT, cwd=self.data_dir
        )
        log.close()

    def _wait_healthy(self, timeout: float = 30) -> None:
        assert self.process is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with status {self.process.returncode}")
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.1)
        raise RuntimeError(f"GET /health did not answer 200 within {timeout} s")

    def log_tail(self, characters: int = 3000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-characters:]
        except OSError:
            return ""

    def stop(self, remove_data: bool = True) -> None:
        if self.process is not None:
            if self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(timeout=10)
            self.process = None
        if remove_data:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    # -- JSON API, for test set-up ---------------------------------------------------------

    def api(self, method: str, path: str, body: Any = None, token: str | None = None) -> tuple[int, dict]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            raw = error.read()
            return error.code, (json.loads(raw) if raw else {})

    def create_job(self, token: str | None = None, **fields: Any) -> dict:
        body = {"title": "Backend Engineer", "company": "Acme", "description": "<p>Build things.</p>"}
        body.update(fields)
        status, answer = self.api("POST", "/api/v1/jobs", body, token)
        assert status == 201 or status == 200, f"creating a job failed: {status} {answer}"
        return answer["data"]

    def register(self, email: str, password: str, full_name: str = "Test User") -> None:
        status, answer = self.api("POST", "/api/v1/auth/register", {"email": email, "password": password, "full_name": full_name})
        assert status in (200, 201), f"register failed: {status} {answer}"

    def login_token(self, email: str, password: str) -> str:
        status, answer = self.api("POST", "/api/v1/auth/login", {"email": email, "password": password})
        assert status == 200, f"login failed: {status} {answer}"
        return answer["data"]["access_token"]


def _server_fixture(request: pytest.FixtureRequest, **options: Any) -> Iterator[Server]:
    server = Server(**options).start()
    yield server
    failed = getattr(request.node, "_cc_failed", False)
    if failed:
        print(f"\n--- server log ({server.url}) ---\n{server.log_tail()}")
    server.stop()


@pytest.fixture(scope="module")
def single_server(request: pytest.FixtureRequest) -> Iterator[Server]:
    """Single-user mode (no sign-in), empty database."""
    yield from _server_fixture(request, single_user=True)


@pytest.fixture(scope="module")
def demo_server(request: pytest.FixtureRequest) -> Iterator[Server]:
    """Single-user mode with the demo data loaded by `career-copilot demo` before start."""
    yield from _server_fixture(request, single_user=True, demo=True)


@pytest.fixture(scope="module")
def multi_server(request: pytest.FixtureRequest) -> Iterator[Server]:
    """Multi-user mode (accounts required), no accounts yet."""
    yield from _server_fixture(request, single_user=False)


# --------------------------------------------------------------------------------------------
# The browser
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    browser = playwright_instance.chromium.launch(
        executable_path=chromium_path(),
        args=["--no-sandbox"],
        headless=os.environ.get("CC_BROWSER_HEADED") != "1",
    )
    yield browser
    browser.close()


@pytest.fixture
def new_context(browser: Browser) -> Iterator[Callable[..., BrowserContext]]:
    """Opens browser contexts (closed after the test): `new_context(server, **options)`."""
    contexts: list[BrowserContext] = []

    def make(server: Server, **options: Any) -> BrowserContext:
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(base_url=server.url, **options)
        context.set_default_timeout(ACTION_TIMEOUT_MS)
        context.set_default_navigation_timeout(ACTION_TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    """Remember failures on the module, so its server fixture prints the server log."""
    outcome = yield
    if outcome.get_result().failed:
        module = item.getparent(pytest.Module)
        if module is not None:
            module._cc_failed = True  # type: ignore[attr-defined]


# --------------------------------------------------------------------------------------------
# Page problems: console errors, uncaught exceptions, failed requests, error responses
# --------------------------------------------------------------------------------------------


@dataclass
class PageProblems:
    """Collects what should never happen on a page: attach before navigating."""

    page: Page
    allowed_error_urls: set[str] = field(default_factory=set)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    error_responses: list[str] = field(default_factory=list)
    # Main-frame navigations so far, and the count each request started under: a load that a
    # navigation cut short (net::ERR_ABORTED, e.g. the icon when a form is sent) is no fault.
    _navigations: int = 0
    _started_under: dict[Any, int] = field(default_factory=dict)
    _aborted: list[tuple[Any, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.page.on("framenavigated", self._on_navigated)
        self.page.on("request", lambda request: self._started_under.__setitem__(request, self._navigations))
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        self.page.on("requestfailed", self._on_request_failed)
        self.page.on("response", self._on_response)

    def allow_error_status(self, url: str) -> None:
        """An intentional error page (its main document only)."""
        self.allowed_error_urls.add(url)

    def _on_console(self, message: Any) -> None:
        if message.type != "error":
            return
        location = (message.location or {}).get("url", "")
        # Chromium logs every error response as a console error; the intentional one is fine.
        if message.text.startswith("Failed to load resource") and location in self.allowed_error_urls:
            return
        self.console_errors.append(f"{message.text} ({location})")

    def _on_navigated(self, frame: Any) -> None:
        if frame == self.page.main_frame:
            self._navigations += 1

    def _on_request_failed(self, request: Any) -> None:
        description = f"{request.method} {request.url}: {request.failure}"
        if request.failure == "net::ERR_ABORTED":
            # Judged at the end: fine if a later navigation (or its own) cut it short.
            self._aborted.append((request, description))
            return
        self.failed_requests.append(f"{request.method} {request.url}: {request.failure}")

    def _on_response(self, response: Any) -> None:
        if response.status < 400:
            return
        is_main_document = response.request.resource_type == "document" and response.request.frame == self.page.main_frame
        if is_main_document and response.url in self.allowed_error_urls:
            return
        self.error_responses.append(f"{response.status} {response.request.method} {response.url}")

    def all(self) -> list[str]:
        for request, description in self._aborted:
            cut_short = request.is_navigation_request() or self._started_under.get(request, self._navigations) < self._navigations
            if not cut_short and description not in self.failed_requests:
                self.failed_requests.append(description)
        return (
            [f"console error: {m}" for m in self.console_errors]
            + [f"uncaught exception: {m}" for m in self.page_errors]
            + [f"request failed: {m}" for m in self.failed_requests]
            + [f"error response: {m}" for m in self.error_responses]
        )

    def assert_clean(self) -> None:
        problems = self.all()
        assert not problems, "problems on the page:\n" + "\n".join(problems)


@pytest.fixture
def watch() -> Callable[[Page], PageProblems]:
    return PageProblems


# --------------------------------------------------------------------------------------------
# Small helpers the tests share
# --------------------------------------------------------------------------------------------


def path_of(page: Page) -> str:
    """The path and query of the page's address, without the fragment (#card-3)."""
    return re.sub(r"^https?://[^/]+", "", page.url).split("#", 1)[0]


def submit(page: Page, form_selector: str, button: str = "button[type=submit]") -> Any:
    """Submits a form by clicking its button; returns the response of the POST."""
    with page.expect_response(lambda r: r.request.method == "POST" and r.request.resource_type == "document") as posted:
        with page.expect_navigation():
            page.locator(form_selector).locator(button).first.click()
    return posted.value


def csrf_cookie(context: BrowserContext) -> str:
    for cookie in context.cookies():
        if cookie["name"] == "cc_csrf":
            return cookie["value"]
    raise AssertionError("no cc_csrf cookie")
