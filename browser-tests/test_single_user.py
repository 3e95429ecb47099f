"""Scenario 3, single-user mode: no sign-in; demo data loaded from the dashboard and removed
from the settings; jobs search, pages and deletion."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from conftest import STATUSES, path_of, submit


def test_dashboard_without_signing_in(single_server, new_context, watch):
    page = new_context(single_server).new_page()
    problems = watch(page)
    response = page.goto("/")
    assert response is not None and response.status == 200
    assert path_of(page) == "/"
    expect(page.locator("h1")).to_have_text("Dashboard")
    nav = page.locator("nav.main-nav[aria-label=Main]")
    for href in ["/", "/jobs", "/applications", "/settings"]:
        expect(nav.locator(f"a[href='{href}']")).to_have_count(1)
    expect(nav.locator("a[href='/']")).to_have_attribute("aria-current", "page")
    expect(page.locator("form#logout-form")).to_have_count(0)
    expect(page.locator("a.skip-link")).to_have_attribute("href", "#content")
    # An empty install: the getting-started panel, no status summary.
    expect(page.locator("section#getting-started")).to_be_visible()
    expect(page.locator("#status-summary")).to_have_count(0)
    # The sign-in pages are not needed: they lead to the dashboard.
    for path in ["/login", "/signup"]:
        page.goto(path)
        assert path_of(page) == "/", f"{path} led to {path_of(page)}"
        expect(page.locator("form#login-form, form#signup-form")).to_have_count(0)
    # Settings: no password form without accounts; the owner manages the demo data.
    page.goto("/settings")
    expect(page.locator("form#profile-form [name=full_name]")).to_be_visible()
    expect(page.locator("form#password-form")).to_have_count(0)
    expect(page.locator("#demo-data form#demo-form")).to_be_visible()
    problems.assert_clean()


def test_load_demo_data_from_the_dashboard_and_remove_it_in_settings(single_server, new_context, watch):
    page = new_context(single_server).new_page()
    problems = watch(page)
    page.goto("/")
    demo_form = page.locator("section#getting-started form#demo-form")
    expect(demo_form.locator("button")).to_have_text("Load demo data")
    response = submit(page, "section#getting-started form#demo-form")
    assert response.status == 303
    assert path_of(page) == "/"
    expect(page.locator(".flash")).to_contain_text("Demo data loaded")
    flash = page.locator(".flash").inner_text()
    loaded_jobs = int(re.search(r"(\d+) jobs", flash).group(1))
    loaded_applications = int(re.search(r"(\d+) applications", flash).group(1))
    assert loaded_jobs > 0 and loaded_applications > 0

    # The dashboard now has the status summary (counts add up to the applications loaded).
    expect(page.locator("section#getting-started")).to_have_count(0)
    counts = {s: int(page.locator(f"#status-summary li.stat[data-status={s}] .stat-value").inner_text()) for s in STATUSES}
    assert sum(counts.values()) == loaded_applications, counts
    expect(page.locator("#recent-jobs li.job-card").first).to_be_visible()
    # Loaded once: no second offer to load it.
    expect(page.locator("form#demo-form")).to_have_count(0)

    # Jobs: every demo job is listed, each with a "Demo" badge.
    page.goto("/jobs?source=demo")
    cards = page.locator("ol#job-list > li.job-card[data-job-id]")
    expect(cards).to_have_count(loaded_jobs)
    expect(page.locator("p.result-count")).to_contain_text(f"of {loaded_jobs} jobs")
    for i in range(loaded_jobs):
        expect(cards.nth(i).locator(".badge", has_text=re.compile(r"^Demo$"))).to_have_count(1)
    # A job page and the board show the badge too.
    first = cards.first
    job_title = first.locator("a.job-link").inner_text()
    first.locator("a.job-link").click()
    page.wait_for_url(re.compile(r"/jobs/\d+$"))
    expect(page.locator("h1")).to_have_text(job_title)
    expect(page.locator(".job-facts .badge", has_text="Demo")).to_have_count(1)
    page.goto("/applications")
    board_cards = page.locator("li.board-card[data-application-id]")
    expect(board_cards).to_have_count(loaded_applications)
    total = sum(int(page.locator(f"[data-lane][data-status={s}] .column-count").inner_text()) for s in STATUSES)
    assert total == loaded_applications
    for s in STATUSES:
        column = page.locator(f"[data-lane][data-status={s}]")
        expect(column.locator("li.board-card")).to_have_count(counts[s])

    # Remove it from the settings (after the confirmation prompt).
    page.goto("/settings")
    expect(page.locator("#demo-data")).to_contain_text(f"{loaded_jobs} demo jobs")
    prompts: list[str] = []

    def accept(dialog):
        prompts.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    response = submit(page, "form#demo-remove-form")
    assert prompts and "demo" in prompts[0].lower(), prompts
    assert response.status == 303
    assert path_of(page) == "/settings"
    expect(page.locator(".flash")).to_contain_text(f"Demo data removed ({loaded_jobs} jobs)")
    expect(page.locator("#demo-data form#demo-form")).to_be_visible()
    page.goto("/jobs?source=demo")
    expect(page.locator("li.job-card")).to_have_count(0)
    expect(page.locator(".empty")).to_be_visible()
    page.goto("/")
    expect(page.locator("section#getting-started")).to_be_visible()
    problems.assert_clean()


def test_job_search_sort_and_pagination(single_server, new_context, watch):
    # 23 jobs: two pages of 20; three of them at "Zebra Corp", one remote.
    for i in range(20):
        single_server.create_job(title=f"Search Engineer {i:02d}", company="Alpha Inc", location="Berlin")
    for i in range(3):
        single_server.create_job(
            title=f"Zoo Keeper {i}", company="Zebra Corp", location="Nairobi", remote="remote" if i == 0 else "onsite",
            salary_min=1000 * (i + 1), salary_max=2000 * (i + 1), salary_currency="EUR", salary_period="year",
        )
    page = new_context(single_server).new_page()
    problems = watch(page)
    page.goto("/jobs")
    expect(page.locator("ol#job-list > li.job-card")).to_have_count(20)
    expect(page.locator("p.result-count")).to_contain_text("1–20 of 23 jobs")
    expect(page.locator("nav.pagination a[rel=prev]")).to_have_count(0)
    page.locator("nav.pagination a[rel=next]").click()
    page.wait_for_url(re.compile(r"page=2"))
    expect(page.locator("ol#job-list > li.job-card")).to_have_count(3)
    expect(page.locator("p.result-count")).to_contain_text("21–23 of 23 jobs")
    expect(page.locator("nav.pagination a[rel=next]")).to_have_count(0)
    expect(page.locator("nav.pagination a[rel=prev]")).to_have_count(1)

    # The search form: company filter, sorted by highest pay, kept in the form after search.
    # The filters fold away until opened, and stay open once one is used.
    page.goto("/jobs")
    search = page.locator("form#job-search")
    expect(search.locator("[name=company]")).to_be_hidden()
    search.locator("details.filters-more > summary").click()
    search.locator("[name=company]").fill("Zebra")
    search.locator("select[name=sort]").select_option("-salary_max")
    with page.expect_navigation():
        search.locator(".search-row button[type=submit]").click()
    assert "company=Zebra" in page.url and "sort=-salary_max" in page.url
    titles = page.locator("ol#job-list > li.job-card a.job-link").all_inner_texts()
    assert titles == ["Zoo Keeper 2", "Zoo Keeper 1", "Zoo Keeper 0"], titles
    expect(search.locator("[name=company]")).to_have_value("Zebra")
    expect(search.locator("select[name=sort]")).to_have_value("-salary_max")
    # Workplace filter.
    search.locator("select[name=remote]").select_option("remote")
    with page.expect_navigation():
        search.get_by_role("button", name="Apply filters").click()
    expect(page.locator("ol#job-list > li.job-card")).to_have_count(1)
    expect(page.locator("ol#job-list a.job-link")).to_have_text("Zoo Keeper 0")
    # Keywords that match nothing: the empty state.
    page.goto("/jobs?q=nonexistentkeyword")
    expect(page.locator(".empty")).to_be_visible()
    expect(page.locator("ol#job-list")).to_have_count(0)
    # A job link leads to the job.
    page.goto("/jobs?company=Zebra&sort=title")
    link = page.locator("ol#job-list a.job-link").first
    href = link.get_attribute("href")
    job_id = page.locator("ol#job-list > li.job-card").first.get_attribute("data-job-id")
    assert href == f"/jobs/{job_id}"
    link.click()
    page.wait_for_url(f"**/jobs/{job_id}")
    expect(page.locator("h1")).to_have_text("Zoo Keeper 0")
    problems.assert_clean()


def test_delete_job_asks_first(single_server, new_context, watch):
    job = single_server.create_job(title="Short-lived Role", company="Ephemeral")
    page = new_context(single_server).new_page()
    problems = watch(page)
    page.goto(f"/jobs/{job['id']}")
    form = page.locator("form#delete-job-form")
    expect(form).to_have_attribute("data-confirm", re.compile(r"."))
    # Dismissed: nothing is sent.
    seen: list[str] = []
    page.once("dialog", lambda dialog: (seen.append(dialog.type), dialog.dismiss()))
    form.locator("button").click()
    page.wait_for_timeout(300)
    assert seen == ["confirm"]
    assert path_of(page) == f"/jobs/{job['id']}"
    status, _ = single_server.api("GET", f"/api/v1/jobs/{job['id']}")
    assert status == 200, "the job was deleted although the prompt was dismissed"
    # Accepted: deleted, back at the list.
    page.once("dialog", lambda dialog: dialog.accept())
    response = submit(page, "form#delete-job-form")
    assert response.status == 303
    assert path_of(page) == "/jobs"
    expect(page.locator(".flash")).to_contain_text("Job deleted")
    status, _ = single_server.api("GET", f"/api/v1/jobs/{job['id']}")
    assert status == 404
    problems.allow_error_status(f"{single_server.url}/jobs/{job['id']}")
    response = page.goto(f"/jobs/{job['id']}")
    assert response is not None and response.status == 404
    expect(page.locator("#error[data-status='404']")).to_be_visible()
    problems.assert_clean()


def test_application_notes_and_status_form(single_server, new_context, watch):
    job = single_server.create_job(title="Notes Tester", company="Memo GmbH")
    page = new_context(single_server).new_page()
    problems = watch(page)
    page.goto(f"/jobs/{job['id']}")
    submit(page, "form#track-form")
    app_id = re.fullmatch(r"/applications/(\d+)", path_of(page)).group(1)
    page.locator("form#notes-form textarea[name=notes]").fill("Call Maria on Monday <b>not bold</b>")
    response = submit(page, "form#notes-form")
    assert response.status == 303
    expect(page.locator(".flash")).to_contain_text("Notes saved")
    expect(page.locator("form#notes-form textarea[name=notes]")).to_have_value("Call Maria on Monday <b>not bold</b>")
    page.locator("form#status-form select[name=status]").select_option("offer")
    response = submit(page, "form#status-form")
    assert response.status == 303
    expect(page.locator(".flash")).to_contain_text("Status changed to Offer")
    expect(page.locator("ol#timeline > li").first).to_have_attribute("data-to", "offer")
    # The same status again changes nothing, and says so.
    timeline_length = page.locator("ol#timeline > li").count()
    page.locator("form#status-form select[name=status]").select_option("offer")
    submit(page, "form#status-form")
    expect(page.locator(".flash")).to_contain_text("already Offer; nothing changed")
    expect(page.locator("ol#timeline > li")).to_have_count(timeline_length)
    page.goto("/applications")
    expect(page.locator(f"[data-lane][data-status=offer] li.board-card[data-application-id='{app_id}']")).to_have_count(1)
    # Stop tracking (confirmed): gone from the board; the job can be tracked again.
    page.goto(f"/applications/{app_id}")
    page.once("dialog", lambda dialog: dialog.accept())
    response = submit(page, "form#delete-application-form")
    assert response.status == 303
    assert path_of(page) == "/applications"
    expect(page.locator(f"li.board-card[data-application-id='{app_id}']")).to_have_count(0)
    page.goto(f"/jobs/{job['id']}")
    expect(page.locator("form#track-form")).to_be_visible()
    problems.assert_clean()


def test_unknown_paths_show_the_404_page(single_server, new_context, watch):
    page = new_context(single_server).new_page()
    problems = watch(page)
    for path in ["/no-such-page", "/jobs/999999", "/applications/999999"]:
        problems.allow_error_status(single_server.url + path)
        response = page.goto(path)
        assert response is not None and response.status == 404, f"{path}: {response and response.status}"
        expect(page.locator("#error[data-status='404']")).to_be_visible()
        expect(page.locator("#error a[href='/']")).to_be_visible()
        expect(page.locator("#error a[href='/jobs']")).to_be_visible()
    problems.assert_clean()
