"""Scenario 5: every main page, on a desktop and on a phone, with the demo data loaded.

For each: the right status, no console errors or uncaught exceptions, no failed requests or
error responses (but the 404 page's own document), no horizontal scrolling at 360 px (the
board scrolls inside itself, by design: only the document is checked). Screenshots go to
docs/screenshots/. Dark mode renders with dark colours.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from conftest import DESKTOP, MOBILE, OVERFLOW, SCREENSHOTS, Server


@dataclass(frozen=True)
class PageSpec:
    name: str
    path: str
    status: int = 200
    signed_out: bool = False  # shown in multi-user mode to a visitor (/login, /signup)
    screenshot: bool = False


PAGES = [
    PageSpec("dashboard", "/", screenshot=True),
    PageSpec("jobs", "/jobs", screenshot=True),
    PageSpec("job-new", "/jobs/new"),
    PageSpec("job", "/jobs/{job}", screenshot=True),
    PageSpec("job-edit", "/jobs/{job}/edit"),
    PageSpec("board", "/applications", screenshot=True),
    PageSpec("application", "/applications/{application}", screenshot=True),
    PageSpec("profile", "/profile", screenshot=True),
    PageSpec("recommendations", "/recommendations"),
    PageSpec("settings", "/settings"),
    PageSpec("login", "/login", signed_out=True),
    PageSpec("signup", "/signup", signed_out=True),
    PageSpec("not-found", "/no-such-page", status=404),
]
VIEWPORTS = {"desktop": DESKTOP, "mobile": MOBILE}




@pytest.fixture(scope="module")
def ids(demo_server: Server) -> dict[str, int]:
    """A demo job that is tracked, and its application (the most advanced one, for the timeline)."""
    status, answer = demo_server.api("GET", "/api/v1/applications?page_size=100")
    assert status == 200, answer
    applications = answer["data"]["items"]
    assert applications, "the demo data has no applications"
    progress = ["saved", "applied", "screening", "interviewing", "offer"]
    best = max(applications, key=lambda a: progress.index(a["status"]) if a["status"] in progress else -1)
    return {"job": best["job_id"], "application": best["id"]}


def server_for(spec: PageSpec, demo_server: Server, multi_server: Server) -> Server:
    return multi_server if spec.signed_out else demo_server


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=list(VIEWPORTS))
@pytest.mark.parametrize("spec", PAGES, ids=[p.name for p in PAGES])
def test_page_renders_cleanly(spec: PageSpec, viewport: str, demo_server, multi_server, ids, new_context, watch):
    server = server_for(spec, demo_server, multi_server)
    page = new_context(server, viewport=VIEWPORTS[viewport]).new_page()
    problems = watch(page)
    path = spec.path.format(**ids)
    if spec.status >= 400:
        problems.allow_error_status(server.url + path)
    response = page.goto(path, wait_until="networkidle")
    assert response is not None
    assert response.status == spec.status, f"GET {path} answered {response.status}"
    assert response.url == server.url + path, f"GET {path} was redirected to {response.url}"

    # The page itself: styled (the stylesheet loaded), scripted, one h1, the skip link.
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("a.skip-link")).to_have_count(1)
    expect(page.locator("main#content")).to_have_count(1)
    assert page.evaluate("getComputedStyle(document.body).margin") == "0px", "the stylesheet did not apply"
    if spec.signed_out:
        expect(page.locator("nav.main-nav")).to_have_count(0)
    elif spec.status == 200:
        expect(page.locator("nav.main-nav[aria-label=Main]")).to_be_visible()
    if spec.name == "board":
        expect(page.locator("li.board-card[draggable=true]").first).to_be_attached()  # the script ran

    if viewport == "mobile":
        overflow = page.evaluate(OVERFLOW)
        assert overflow["scrolling"] <= overflow["width"] + 1 and overflow["body"] <= overflow["width"] + 1, (
            f"{path} scrolls sideways at {overflow['width']} px: document {overflow['scrolling']} px, "
            f"body {overflow['body']} px; sticking out: {overflow['culprits']}"
        )

    if spec.screenshot:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        suffix = "" if viewport == "desktop" else "-mobile"
        page.screenshot(path=str(SCREENSHOTS / f"{spec.name}{suffix}.png"), full_page=True)

    problems.assert_clean()


def luminance(rgb: str) -> float:
    parts = [float(x) for x in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]

    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in parts)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted([luminance(a), luminance(b)], reverse=True)
    return (la + 0.05) / (lb + 0.05)


COLOURS = """() => {
  const style = (selector, property) => getComputedStyle(document.querySelector(selector))[property];
  return {
    dark: matchMedia('(prefers-color-scheme: dark)').matches,
    background: style('body', 'backgroundColor'),
    text: style('body', 'color'),
    column: style('.board-column', 'backgroundColor'),
    card: style('.board-card', 'backgroundColor'),
    cardText: style('.board-card .card-link', 'color'),
    muted: style('.board-card .company', 'color'),
  };
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_board_in_light_and_dark(scheme: str, demo_server, new_context, watch):
    page = new_context(demo_server, color_scheme=scheme).new_page()
    problems = watch(page)
    page.goto("/applications", wait_until="networkidle")
    colours = page.evaluate(COLOURS)
    assert colours["dark"] is (scheme == "dark")
    if scheme == "dark":
        assert luminance(colours["background"]) < 0.05, f"dark mode background is {colours['background']}"
        assert luminance(colours["card"]) < 0.1, f"dark mode cards are {colours['card']}"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "board-dark.png"), full_page=True)
    else:
        assert luminance(colours["background"]) > 0.8, f"light mode background is {colours['background']}"
    # Readable either way (WCAG AA: 4.5:1 for body text).
    for text, background in [("text", "background"), ("cardText", "card"), ("muted", "card"), ("muted", "column")]:
        ratio = contrast(colours[text], colours[background])
        assert ratio >= 4.5, f"{scheme}: {text} {colours[text]} on {background} {colours[background]}: contrast {ratio:.2f}"
    problems.assert_clean()


def test_board_shows_every_status_at_1280(demo_server, new_context):
    """All eight statuses in view without scrolling at 1280 px: five open columns and one
    Closed column holding Accepted, Rejected and Withdrawn."""
    page = new_context(demo_server).new_page()
    page.goto("/applications")
    lanes = page.locator("[data-lane]")
    expect(lanes).to_have_count(8)
    for lane in lanes.all():
        box = lane.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 1280, f"{lane.get_attribute('data-status')} is out of sight: {box}"
    assert page.evaluate("document.querySelector('.board').scrollWidth <= document.querySelector('.board').clientWidth + 1")
