"""Every page keeps to the viewport with ordinary data that is long: a 200-character word in a
title, a company, a place and a description, and fields at their longest (issue 13, point 9).
The board scrolls sideways inside itself by design, but a column stays a column's width and its
Move buttons stay inside it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import DESKTOP, MOBILE, OVERFLOW, Server

WORD = "Unbrokenword" * 17  # 204 characters, no break opportunity
VIEWPORTS = {"desktop": DESKTOP, "mobile": MOBILE}


@pytest.fixture(scope="module")
def long_server(request: pytest.FixtureRequest):
    from conftest import _server_fixture

    yield from _server_fixture(request, single_user=True)


@pytest.fixture(scope="module")
def long_ids(long_server: Server) -> dict[str, int]:
    job = long_server.create_job(
        title=("Engineer " + WORD)[:300],
        company=WORD[:200],
        location=WORD[:300],
        description="<p>" + WORD + " " + "word " * 2000 + "</p>",
        url="https://jobs.example.com/" + WORD,
        skills=[WORD[:100]],
    )
    status, answer = long_server.api("POST", "/api/v1/applications", {"job_id": job["id"], "notes": (WORD + " ") * 90})
    assert status == 201, answer
    for index in range(3):
        other = long_server.create_job(title=f"{WORD[:120]} {index}", company=f"{WORD[:150]}{index}")
        long_server.api("POST", "/api/v1/applications", {"job_id": other["id"], "status": ["applied", "offer", "rejected"][index]})
    profile = {
        "basics": {"name": WORD[:200], "summary": (WORD + " ") * 20, "profiles": [{"url": "https://example.com/" + WORD}]},
        "work": [{"name": WORD[:200], "position": WORD[:200], "highlights": [WORD * 2]}],
        "skills": [{"name": WORD[:100]}],
        "preferences": {"target_titles": [WORD[:100]], "locations": [WORD[:100]]},
    }
    status, saved = long_server.api("PUT", "/api/v1/profile", profile)
    assert status == 200, saved
    return {"job": job["id"], "application": answer["data"]["id"]}


PATHS = ["/", "/jobs", "/jobs/{job}", "/jobs/{job}/edit", "/applications", "/applications/{application}", "/profile", "/recommendations", "/settings"]


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=list(VIEWPORTS))
@pytest.mark.parametrize("path", PATHS)
def test_long_words_stay_inside_the_page(path: str, viewport: str, long_server, long_ids, new_context, watch):
    page = new_context(long_server, viewport=VIEWPORTS[viewport]).new_page()
    problems = watch(page)
    response = page.goto(path.format(**long_ids), wait_until="networkidle")
    assert response is not None and response.status == 200
    overflow = page.evaluate(OVERFLOW)
    assert overflow["scrolling"] <= overflow["width"] + 1 and overflow["body"] <= overflow["width"] + 1, (
        f"{path} scrolls sideways at {overflow['width']} px: document {overflow['scrolling']} px; sticking out: {overflow['culprits']}"
    )
    if path == "/applications":
        width = VIEWPORTS[viewport]["width"]
        for column in page.locator(".board-column").all():
            box = column.bounding_box()
            assert box is not None and box["width"] <= max(420, width * 0.9), f"a board column is {box and box['width']} px wide"
        for card in page.locator(".board-card").all():
            column_box = card.locator("xpath=ancestor::*[contains(@class, 'board-column')][1]").bounding_box()
            for part in [card, *card.locator("button, select, a").all()]:
                box = part.bounding_box()
                assert box and column_box and box["x"] + box["width"] <= column_box["x"] + column_box["width"] + 1, (
                    f"a card's {part.evaluate('e => e.tagName')} sticks out of its column"
                )
    problems.assert_clean()
