"""Scenario 6: accessibility basics.

Every form control has a label; ids are unique; the skip link works; the board can be worked
with the keyboard alone (Tab to a card's status menu, arrow keys, Enter or Space on Move).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from conftest import Server, path_of

LABEL_AUDIT = """() => {
  const problems = [];
  const text = (el) => (el && el.textContent || '').trim();
  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (el.type === 'hidden' || ['submit', 'button', 'reset', 'image'].includes(el.type)) continue;
    const byLabel = [...(el.labels || [])].some((label) => text(label));
    const byAria = (el.getAttribute('aria-label') || '').trim() !== '';
    const byLabelledBy = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).some((id) => id && text(document.getElementById(id)));
    if (!byLabel && !byAria && !byLabelledBy) problems.push('unlabelled: ' + el.outerHTML.slice(0, 140));
    for (const id of (el.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean)) {
      if (!document.getElementById(id)) problems.push('aria-describedby points nowhere: ' + id);
    }
  }
  for (const button of document.querySelectorAll('button, a[href]')) {
    const name = text(button) || button.getAttribute('aria-label') || button.getAttribute('title');
    if (!name) problems.push('no accessible name: ' + button.outerHTML.slice(0, 140));
  }
  const seen = new Map();
  for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) || 0) + 1);
  for (const [id, count] of seen) if (count > 1) problems.push('duplicate id: ' + id + ' x' + count);
  for (const label of document.querySelectorAll('label[for]')) {
    if (!document.getElementById(label.htmlFor)) problems.push('label for a missing control: ' + label.htmlFor);
  }
  if (!document.documentElement.lang) problems.push('no <html lang>');
  if (!document.title.trim()) problems.push('no <title>');
  return problems;
}"""

MAIN_PAGES = [
    ("dashboard", "/"),
    ("jobs", "/jobs"),
    ("job-new", "/jobs/new"),
    ("job", "/jobs/{job}"),
    ("job-edit", "/jobs/{job}/edit"),
    ("board", "/applications"),
    ("application", "/applications/{application}"),
    ("profile", "/profile"),
    ("recommendations", "/recommendations"),
    ("settings", "/settings"),
    ("login", "/login"),
    ("signup", "/signup"),
]

FORM_PAGES = {"/jobs", "/jobs/new", "/jobs/{job}/edit", "/applications", "/applications/{application}", "/profile", "/settings", "/login", "/signup"}


@pytest.fixture(scope="module")
def ids(demo_server: Server) -> dict[str, int]:
    status, answer = demo_server.api("GET", "/api/v1/applications?page_size=100")
    assert status == 200 and answer["data"]["items"], answer
    first = answer["data"]["items"][0]
    return {"job": first["job_id"], "application": first["id"]}


@pytest.mark.parametrize("path", [p for _, p in MAIN_PAGES], ids=[n for n, _ in MAIN_PAGES])
def test_form_controls_are_labelled(path: str, demo_server, multi_server, ids, new_context):
    # /login and /signup exist in multi-user mode only (single-user mode redirects them).
    server = multi_server if path in ("/login", "/signup") else demo_server
    page = new_context(server).new_page()
    response = page.goto(path.format(**ids))
    assert response is not None and response.status == 200
    if path in FORM_PAGES:
        assert page.locator("input:not([type=hidden]), select, textarea").count() > 0, "no form controls to check"
    problems = page.evaluate(LABEL_AUDIT)
    assert problems == [], f"{path}:\n" + "\n".join(problems)


def test_form_errors_stay_labelled(multi_server, new_context):
    """A re-rendered form with errors still passes the audit (errors wired by aria-describedby)."""
    page = new_context(multi_server).new_page()
    page.goto("/signup")
    page.locator("form#signup-form [name=email]").fill("nope")
    with page.expect_navigation():
        page.locator("form#signup-form button[type=submit]").click()
    expect(page.locator("#email-error")).to_be_visible()
    assert page.evaluate(LABEL_AUDIT) == []


def press_tab_until(page: Page, predicate_js: str, limit: int = 150) -> int:
    """Tabs forward until the focused element satisfies `predicate_js` (el => bool)."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!el && ({predicate_js})(el); }})()"):
            return presses
    raise AssertionError(f"no focusable element matching {predicate_js} within {limit} Tab presses")


def focused(page: Page, expression: str):
    return page.evaluate(f"(() => {{ const el = document.activeElement; return {expression}; }})()")


def test_skip_link_is_first_and_moves_focus_to_content(demo_server, new_context):
    page = new_context(demo_server).new_page()
    page.goto("/jobs")
    page.keyboard.press("Tab")
    assert focused(page, "el.className") == "skip-link"
    expect(page.locator("a.skip-link")).to_be_in_viewport()  # shown when focused
    page.keyboard.press("Enter")
    assert page.url.endswith("#content")
    assert focused(page, "el.id") == "content"


def test_board_works_with_the_keyboard_alone(demo_server, new_context, watch):
    page = new_context(demo_server).new_page()
    problems = watch(page)
    page.goto("/applications")
    page.locator("body").focus()
    soft_failures: list[str] = []

    def move_with_keys(activate: str) -> tuple[str, str]:
        """Tab to the first card's menu, pick the next status with ArrowDown, Tab to Move,
        press `activate`. Returns (application id, new status)."""
        press_tab_until(page, "el => el.matches('li.board-card select')")
        app_id = focused(page, "el.closest('li.board-card').dataset.applicationId")
        title = page.locator(f"li.board-card[data-application-id='{app_id}'] a.card-link").inner_text()
        expect(page.locator(f"select[name=status_{app_id}]")).to_have_accessible_name(re.compile(re.escape(title)))
        before = focused(page, "el.value.toLowerCase()")
        # The focus is visible.
        assert focused(page, "getComputedStyle(el).outlineStyle") != "none", "no visible focus on the status menu"
        page.keyboard.press("ArrowDown")
        after = focused(page, "el.value.toLowerCase()")
        assert after != before, f"ArrowDown did not change the status menu (still {before})"
        page.keyboard.press("Tab")
        assert focused(page, "el.tagName") == "BUTTON" and focused(page, "el.name") == "move", "Tab after the menu is not the Move button"
        assert focused(page, "el.value") == app_id, "the Move button after the menu belongs to another card"
        # The card moves in place: no reload, the keyboard stays on the card, and the
        # announcement names the job.
        with page.expect_response(lambda r: r.url.endswith("/applications/move") and r.request.method == "POST") as posted:
            page.keyboard.press(activate)
        if posted.value.status != 200:
            soft_failures.append(f"{activate} on Move: POST /applications/move answered {posted.value.status}")
        expect(page.locator("#board-status")).to_contain_text(f"Moved “{title}” to")
        page.wait_for_function(f"document.activeElement && document.activeElement.name === 'status_{app_id}'")
        assert path_of(page) == "/applications", "the board did not reload"
        column = page.locator(f"li.board-card[data-application-id='{app_id}']").evaluate("el => el.closest('[data-lane]').dataset.status")
        assert column == after, f"after the move, card {app_id} is in {column}, not {after}"
        return app_id, after

    first_id, first_status = move_with_keys("Enter")
    # Space from the next card on: the focus is on the moved card, so Tab carries on from it.
    second_id, second_status = move_with_keys("Space")
    # Both moves are in the timelines, newest first (the second Tab may reach the same card).
    moves: dict[str, list[str]] = {}
    for app_id, status in [(first_id, first_status), (second_id, second_status)]:
        moves.setdefault(app_id, []).append(status)
    for app_id, statuses in moves.items():
        page.goto(f"/applications/{app_id}")
        entries = page.locator("ol#timeline > li")
        newest = [entries.nth(i).get_attribute("data-to") for i in range(len(statuses))]
        assert newest == list(reversed(statuses)), f"application {app_id}: timeline starts {newest}, expected {list(reversed(statuses))}"
    problems.assert_clean()
    assert not soft_failures, "\n".join(soft_failures)


def test_board_without_javascript_returns_to_the_moved_card(demo_server, new_context):
    """Without JS, Move reloads the board: it comes back scrolled to the card (#card-N, the
    keyboard carries on from it) and the message names the job."""
    page = new_context(demo_server, java_script_enabled=False).new_page()
    page.goto("/applications")
    card = page.locator("[data-lane]:not([data-status=withdrawn]) li.board-card").first
    app_id = card.get_attribute("data-application-id")
    title = card.locator("a.card-link").inner_text()
    card.locator("select").select_option(label="Withdrawn")
    card.locator("button[name=move]").click()
    page.wait_for_url(re.compile(rf"/applications#card-{app_id}$"))
    expect(page.locator(".flash")).to_contain_text(f"Moved “{title}” to Withdrawn.")
    expect(page.locator(f"[data-lane][data-status=withdrawn] li.board-card[data-application-id='{app_id}']")).to_be_in_viewport()

