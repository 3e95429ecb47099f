"""Scenario 4: hostile job text never runs, on any page that shows it.

The Content-Security-Policy (no inline scripts) would block most of these payloads even if
they reached the page, so `window.__xss` staying undefined is not enough on its own: the
tests also check the DOM itself carries no script, no event handler, no javascript: link.
"""

from __future__ import annotations

import re
import sqlite3

import pytest
from playwright.sync_api import Page, expect

from conftest import Server

HOSTILE_TITLE = "<script>window.__xss='title'</script> Engineer <b>bold</b>"
HOSTILE_DESCRIPTION = (
    "<p>Great job.</p>"
    "<script>window.__xss=1</script>"
    '<img src=x onerror="window.__xss=2">'
    '<a href="javascript:window.__xss=3">click</a>'
    '<svg onload="window.__xss=4"></svg>'
    '<iframe src="javascript:window.__xss=5"></iframe>'
    "<p>End of description.</p>"
)

# Stored straight into the database, past the API's own clean-up, to test the page's sanitiser.
RAW_DESCRIPTION = (
    "<p>Raw start.</p>"
    "<script>window.__xss=11</script>"
    '<img src=x onerror="window.__xss=12">'
    '<a id="raw-js" href="javascript:window.__xss=13">raw js link</a>'
    '<a id="raw-js-mixed" href=" JaVaScRiPt:window.__xss=14">mixed case</a>'
    '<a id="raw-js-entity" href="&#106;avascript:window.__xss=15">entity</a>'
    '<svg><script>window.__xss=16</script></svg>'
    '<math><mi xlink:href="javascript:window.__xss=17">math</mi></math>'
    '<iframe srcdoc="<script>parent.__xss=18</script>"></iframe>'
    '<object data="javascript:window.__xss=19"></object><embed src="javascript:window.__xss=20">'
    '<form action="javascript:window.__xss=21"><button id="raw-submit">go</button></form>'
    '<p onclick="window.__xss=22" id="raw-onclick">click me</p>'
    '<div style="background:url(javascript:window.__xss=23)">styled</div>'
    '<noscript><p title="</noscript><img src=x onerror=window.__xss=24>">ns</p></noscript>'
    '<base href="javascript:/">'
    '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=25">'
    '<details open ontoggle="window.__xss=26">d</details>'
    "<ul><li><a href=\"https://example.com/ok\">a safe link</a></li></ul>"
    "<p>Raw end.</p>"
)

DANGEROUS_DOM = """(root) => {
  const found = [];
  for (const el of [root, ...root.querySelectorAll('*')]) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'base', 'meta', 'style', 'link', 'noscript', 'frame'].includes(tag)) found.push('<' + tag + '>');
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (name.startsWith('on')) found.push(tag + '[' + name + ']');
      if (name === 'style' || name === 'srcdoc') found.push(tag + '[' + name + ']');
      if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(name) && /^(javascript|vbscript|data):/.test(value)) found.push(tag + '[' + name + '=' + attr.value + ']');
    }
  }
  return found;
}"""


class Tripwire:
    """Records dialogs and navigations away from the page, and CSP reports in the console."""

    def __init__(self, page: Page) -> None:
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.page_errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda m: m.type in ("error", "warning") and self.console.append(m.text))
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def assert_quiet(self) -> None:
        assert not self.dialogs, f"dialogs opened: {self.dialogs}"
        assert not self.page_errors, f"uncaught errors: {self.page_errors}"
        blocked = [m for m in self.console if "Content Security Policy" in m or "Refused" in m]
        assert not blocked, f"hostile markup reached the page (blocked only by CSP): {blocked}"


def click_text(root, text: str) -> bool:
    """Clicks the words `text` inside `root`, be they a link or a bare text node (what is
    left of a link the sanitiser took apart). False when the words are not there."""
    point = root.evaluate(
        """(root, text) => {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf(text);
            if (at < 0) continue;
            node.parentElement.scrollIntoView({block: 'center'});
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + text.length);
            const box = range.getBoundingClientRect();
            return {x: box.left + box.width / 2, y: box.top + box.height / 2};
          }
          return null;
        }""",
        text,
    )
    if point is None:
        return False
    root.page.mouse.click(point["x"], point["y"])
    return True


def assert_no_xss(page: Page) -> None:
    page.wait_for_timeout(300)  # let image errors and onload handlers fire, were there any
    assert page.evaluate("typeof window.__xss") == "undefined", f"window.__xss = {page.evaluate('window.__xss')!r}"


@pytest.fixture(scope="module")
def hostile(single_server: Server) -> dict:
    job = single_server.create_job(title=HOSTILE_TITLE, company="<i>Evil</i> & Co", description=HOSTILE_DESCRIPTION)
    status, answer = single_server.api("POST", "/api/v1/applications", {"job_id": job["id"]})
    assert status in (200, 201), answer
    return {"job": job, "application": answer["data"]}


def test_job_page_shows_hostile_description_inert(single_server, hostile, new_context):
    page = new_context(single_server).new_page()
    tripwire = Tripwire(page)
    response = page.goto(f"/jobs/{hostile['job']['id']}")
    assert response is not None and response.status == 200
    csp = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp, csp
    assert_no_xss(page)

    description = page.locator("#job-description")
    expect(description).to_contain_text("Great job.")
    expect(description).to_contain_text("End of description.")
    assert description.evaluate(DANGEROUS_DOM) == []
    expect(description.locator("script")).to_have_count(0)
    # The title is text: shown with its angle brackets, not parsed.
    expect(page.locator("h1")).to_have_text(HOSTILE_TITLE)
    expect(page.locator("h1 script, h1 b")).to_have_count(0)
    assert HOSTILE_TITLE in page.title()
    expect(page.locator(".page-head strong")).to_have_text("<i>Evil</i> & Co")

    # Click the link text (whatever is left of it): nothing runs, the page stays.
    url = page.url
    assert click_text(description, "click"), "the link's text is gone from the description"
    page.wait_for_timeout(300)
    assert page.url == url, f"clicking the description's link navigated to {page.url}"
    assert_no_xss(page)
    tripwire.assert_quiet()
    # Nothing dangerous in the whole document either (outside our own module script).
    body_findings = page.locator("main").evaluate(DANGEROUS_DOM)
    assert [f for f in body_findings if f != "<form>"] == [], body_findings


def test_hostile_title_is_text_on_every_page_that_lists_it(single_server, hostile, new_context):
    page = new_context(single_server).new_page()
    tripwire = Tripwire(page)
    app_id = hostile["application"]["id"]
    checks = [
        ("/", f"#recent-jobs li.job-card[data-job-id='{hostile['job']['id']}'] a.job-link"),
        ("/jobs", f"li.job-card[data-job-id='{hostile['job']['id']}'] a.job-link"),
        ("/applications", f"li.board-card[data-application-id='{app_id}'] a.card-link"),
        (f"/applications/{app_id}", "h1"),
        (f"/jobs/{hostile['job']['id']}/edit", None),
    ]
    for path, selector in checks:
        page.goto(path)
        assert_no_xss(page)
        expect(page.locator("main script")).to_have_count(0)
        if selector:
            expect(page.locator(selector)).to_have_text(HOSTILE_TITLE)
            expect(page.locator(selector).locator("script, b")).to_have_count(0)
        else:
            expect(page.locator("form#job-form [name=title]")).to_have_value(HOSTILE_TITLE)
            expect(page.locator("form#job-form [name=description]")).to_have_value(hostile["job"]["description"])
    # The board card's status menu is named after the job, as text.
    page.goto("/applications")
    expect(page.locator(f"select[name=status_{app_id}]")).to_have_accessible_name(re.compile(re.escape(HOSTILE_TITLE)))
    tripwire.assert_quiet()


def test_page_sanitiser_cleans_markup_stored_past_the_api(single_server, new_context):
    """A description written straight to the database (an import, an old row) is cleaned
    when the page renders it, not only when the API stores it."""
    job = single_server.create_job(title="Raw Row", company="Direct DB", description="<p>placeholder</p>")
    with sqlite3.connect(single_server.database, timeout=10) as db:
        db.execute("UPDATE jobs SET description = ? WHERE id = ?", (RAW_DESCRIPTION, job["id"]))
    page = new_context(single_server).new_page()
    tripwire = Tripwire(page)
    page.goto(f"/jobs/{job['id']}")
    assert_no_xss(page)
    description = page.locator("#job-description")
    expect(description).to_contain_text("Raw start.")
    expect(description).to_contain_text("Raw end.")
    findings = description.evaluate(DANGEROUS_DOM)
    assert findings == [], f"the page kept dangerous markup: {findings}"
    # Safe markup is kept: the list and the https link.
    expect(description.locator("ul li a[href='https://example.com/ok']")).to_have_count(1)
    # Click what looks clickable: nothing runs, nothing navigates.
    url = page.url
    for text in ["raw js link", "mixed case", "entity", "click me", "math"]:
        if click_text(description, text):
            page.wait_for_timeout(150)
            assert page.url == url, f"clicking {text!r} navigated to {page.url}"
    assert_no_xss(page)
    tripwire.assert_quiet()
