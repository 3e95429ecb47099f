"""Job sources, as the owner of a single-user install manages them on /sources: add a feed,
run it now (the embedded worker runs it; this server refuses private addresses, so the run
fails and says why on the card), pause it from its card, and the page at phone width."""

from __future__ import annotations

from playwright.sync_api import expect

from conftest import MOBILE, OVERFLOW, path_of, submit


def test_add_run_and_pause_a_source(single_server, new_context, watch):
    page = new_context(single_server).new_page()
    problems = watch(page)
    # The two refused forms answer 422 on purpose.
    problems.allow_error_status(single_server.url + "/sources")
    problems.allow_error_status(single_server.url + "/sources/1/edit")
    page.goto("/")
    page.locator("nav.main-nav a[href='/sources']").click()
    assert path_of(page) == "/sources"
    expect(page.locator("h1")).to_have_text("Job sources")

    # A mistake first: the error sits next to its field and the input stays.
    page.fill("#source-form [name=name]", "Intranet feed")
    page.select_option("#source-form [name=type]", label="RSS or Atom feed")
    page.fill("#source-form [name=identifier]", "not a url")
    response = submit(page, "form#source-form")
    assert response.status == 422
    expect(page.locator("#identifier-error")).to_contain_text("feed's http(s) URL")
    expect(page.locator("#source-form [name=name]")).to_have_value("Intranet feed")

    page.fill("#source-form [name=identifier]", f"http://127.0.0.1:{single_server.port}/feed.xml")
    response = submit(page, "form#source-form")
    assert response.status == 303 and path_of(page) == "/sources"
    card = page.locator("#source-list li", has_text="Intranet feed")
    expect(card).to_contain_text("RSS or Atom feed")
    expect(card).to_contain_text("Not run yet")

    # Run now: the worker refuses the loopback address; the card shows the failure and why.
    submit(page, "#source-list li:has-text('Intranet feed') form[action$='/run']")
    expect(page.locator(".flash")).to_contain_text("Run queued")
    for _ in range(40):
        page.reload()
        if page.locator("#source-list li:has-text('Intranet feed') .badge-danger").count():
            break
        page.wait_for_timeout(250)
    card = page.locator("#source-list li", has_text="Intranet feed")
    expect(card.locator(".badge-danger")).to_have_text("Last run failed")
    expect(card.locator(".field-error")).to_contain_text("private or local address")

    # Pause it from its card; a bad schedule is refused on that card first.
    card.locator("summary", has_text="Edit schedule").click()
    card.locator("[name=schedule]").fill("every 7m")
    card.locator("select[name=enabled]").select_option(label="Paused")
    response = submit(page, "#source-list li:has-text('Intranet feed') form[action$='/edit']")
    assert response.status == 422
    card = page.locator("#source-list li", has_text="Intranet feed")
    expect(card.locator("[id^=schedule-][id$=-error]")).to_contain_text("Must be five cron fields")
    card.locator("[name=schedule]").fill("@daily")
    response = submit(page, "#source-list li:has-text('Intranet feed') form[action$='/edit']")
    assert response.status == 303
    card = page.locator("#source-list li", has_text="Intranet feed")
    expect(card.locator(".badge-warning")).to_have_text("Paused")
    expect(card).to_contain_text("@daily")
    problems.assert_clean()


def test_the_sources_page_fits_a_phone(single_server, new_context, watch):
    status, _ = single_server.api("POST", "/api/v1/sources", {"name": "A very long source name for a narrow screen", "type": "jsonld", "identifier": "https://careers.example.com/a/very/long/path/to/the/careers/page?with=query&and=more"})
    assert status in (201, 409)
    page = new_context(single_server, viewport=MOBILE).new_page()
    problems = watch(page)
    page.goto("/sources", wait_until="networkidle")
    page.locator("#source-list summary").first.click()
    overflow = page.evaluate(OVERFLOW)
    assert overflow["scrolling"] <= overflow["width"] + 1, f"/sources scrolls sideways: {overflow}"
    problems.assert_clean()
