"""Scenario 2: forms show their errors next to the fields and keep what was typed.

Runs in multi-user mode, where sign-up and sign-in pages exist.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from conftest import path_of, submit

OWNER_EMAIL = "owner@example.com"
OWNER_PASSWORD = "a long enough password"


@pytest.fixture(scope="module")
def owner(multi_server):
    multi_server.register(OWNER_EMAIL, OWNER_PASSWORD, "Olive Owner")
    return OWNER_EMAIL


@pytest.fixture(scope="module")
def owner_session(multi_server, owner, browser):
    """The owner's signed-in browser state, made once (each sign-in costs a bcrypt hash)."""
    context = browser.new_context(base_url=multi_server.url)
    page = context.new_page()
    page.goto("/login")
    page.locator("form#login-form [name=email]").fill(OWNER_EMAIL)
    page.locator("form#login-form [name=password]").fill(OWNER_PASSWORD)
    submit(page, "form#login-form")
    assert path_of(page) == "/", f"sign-in failed: at {path_of(page)}"
    state = context.storage_state()
    context.close()
    return state


def expect_field_error(page: Page, name: str, text: str | None = None) -> None:
    """The error sits next to its field, and the field points at it."""
    error = page.locator(f"p.field-error#{name}-error")
    expect(error).to_be_visible()
    if text:
        expect(error).to_contain_text(text)
    # By id: a page may have two forms with a field of this name (the import form on /jobs/new).
    field = page.locator(f"#{name}")
    expect(field).to_have_attribute("aria-invalid", "true")
    described_by = (field.get_attribute("aria-describedby") or "").split()
    assert f"{name}-error" in described_by, f"{name}: aria-describedby={described_by}"
    # "Next to": inside the same .field wrapper as the input.
    same_wrapper = field.evaluate(
        "(el, id) => el.closest('.field') !== null && el.closest('.field').contains(document.getElementById(id))",
        f"{name}-error",
    )
    assert same_wrapper, f"#{name}-error is not in the field wrapper of {name}"


def expect_no_field_error(page: Page, name: str) -> None:
    expect(page.locator(f"#{name}-error")).to_have_count(0)
    expect(page.locator(f"#{name}")).not_to_have_attribute("aria-invalid", "true")


def test_job_form_errors_are_next_to_their_fields_and_input_is_kept(multi_server, owner_session, new_context, watch):
    page = new_context(multi_server, storage_state=owner_session).new_page()
    problems = watch(page)
    page.goto("/jobs/new")
    form = page.locator("form#job-form")
    # Missing title, an ftp:// link and a salary range upside down, all at once.
    form.locator("[name=company]").fill("Kept Company & Co")
    form.locator("[name=location]").fill("Lisbon, Portugal")
    form.locator("[name=url]").fill("ftp://x")
    form.locator("select[name=remote]").select_option("remote")
    form.locator("[name=salary_min]").fill("90000")
    form.locator("[name=salary_max]").fill("50000")
    form.locator("[name=salary_currency]").fill("EUR")
    form.locator("[name=skills]").fill("Rust, <b>Go</b>")
    form.locator("[name=description]").fill("Line one\n<em>kept</em> as typed")
    problems.allow_error_status(multi_server.url + "/jobs")
    response = submit(page, "form#job-form")
    assert response.status == 422, f"an invalid job answered {response.status}"
    assert path_of(page) == "/jobs"

    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_have_attribute("role", "alert")
    expect_field_error(page, "title", "required")
    expect_field_error(page, "url")
    expect_field_error(page, "salary_max")
    expect_no_field_error(page, "company")
    expect_no_field_error(page, "salary_min")
    # The summary links to the fields.
    for name in ["title", "url", "salary_max"]:
        expect(summary.locator(f"a[href='#{name}']")).to_have_count(1)

    # What the user typed is still there (and not interpreted as HTML).
    expect(form.locator("[name=title]")).to_have_value("")
    expect(form.locator("[name=company]")).to_have_value("Kept Company & Co")
    expect(form.locator("[name=location]")).to_have_value("Lisbon, Portugal")
    expect(form.locator("[name=url]")).to_have_value("ftp://x")
    expect(form.locator("select[name=remote]")).to_have_value("remote")
    expect(form.locator("[name=salary_min]")).to_have_value("90000")
    expect(form.locator("[name=salary_max]")).to_have_value("50000")
    expect(form.locator("[name=salary_currency]")).to_have_value("EUR")
    expect(form.locator("[name=skills]")).to_have_value("Rust, <b>Go</b>")
    expect(form.locator("[name=description]")).to_have_value("Line one\n<em>kept</em> as typed")
    expect(page.locator("form#job-form b, form#job-form em")).to_have_count(0)

    # Fix one problem at a time: the others stay reported, the fixed one goes.
    form.locator("[name=title]").fill("Site Reliability Engineer")
    form.locator("[name=url]").fill("https://example.com/sre")
    response = submit(page, "form#job-form")
    assert response.status == 422
    expect_no_field_error(page, "title")
    expect_no_field_error(page, "url")
    expect_field_error(page, "salary_max")
    expect(form.locator("[name=title]")).to_have_value("Site Reliability Engineer")

    # All fixed: the job is created.
    form.locator("[name=salary_max]").fill("110000")
    response = submit(page, "form#job-form")
    assert response.status == 303
    assert path_of(page).startswith("/jobs/")
    expect(page.locator("h1")).to_have_text("Site Reliability Engineer")
    problems.assert_clean()


def test_edit_form_validates_too(multi_server, owner_session, new_context, watch):
    token = multi_server.login_token(OWNER_EMAIL, OWNER_PASSWORD)
    job = multi_server.create_job(token, title="Data Engineer", company="Edit Co")
    page = new_context(multi_server, storage_state=owner_session).new_page()
    problems = watch(page)
    page.goto(f"/jobs/{job['id']}/edit")
    form = page.locator("form#job-form")
    expect(form.locator("[name=title]")).to_have_value("Data Engineer")
    expect(form.locator("input[type=checkbox][name=is_active]")).to_be_checked()
    form.locator("[name=title]").fill("")
    form.locator("[name=url]").fill("javascript:alert(1)")
    problems.allow_error_status(f"{multi_server.url}/jobs/{job['id']}/edit")
    response = submit(page, "form#job-form")
    assert response.status == 422
    expect_field_error(page, "title")
    expect_field_error(page, "url")
    expect(form.locator("[name=company]")).to_have_value("Edit Co")
    # Close the job: saved, and shown as closed.
    form.locator("[name=title]").fill("Data Engineer II")
    form.locator("[name=url]").fill("")
    form.locator("input[name=is_active]").uncheck()
    response = submit(page, "form#job-form")
    assert response.status == 303
    assert path_of(page) == f"/jobs/{job['id']}"
    expect(page.locator("h1")).to_have_text("Data Engineer II")
    expect(page.locator(".job-facts")).to_contain_text("Closed")
    problems.assert_clean()


def test_signup_errors(multi_server, owner, new_context, watch):
    page = new_context(multi_server).new_page()
    problems = watch(page)
    page.goto("/signup")
    form = page.locator("form#signup-form")
    form.locator("[name=full_name]").fill("Shorty McShortpass")
    form.locator("[name=email]").fill("not-an-email")
    form.locator("[name=password]").fill("short")
    problems.allow_error_status(multi_server.url + "/signup")
    response = submit(page, "form#signup-form")
    assert response.status == 422, f"an invalid sign-up answered {response.status}"
    assert path_of(page) == "/signup"
    expect(page.locator("#error-summary")).to_be_visible()
    expect_field_error(page, "email")
    expect_field_error(page, "password", "8")
    expect_no_field_error(page, "full_name")
    expect(form.locator("[name=full_name]")).to_have_value("Shorty McShortpass")
    expect(form.locator("[name=email]")).to_have_value("not-an-email")
    # The password is never written back into the page.
    expect(form.locator("[name=password]")).to_have_value("")
    assert "short" not in (form.locator("[name=password]").get_attribute("value") or "")

    # An address already taken: a form error, still on the sign-up page.
    form.locator("[name=email]").fill(OWNER_EMAIL)
    form.locator("[name=password]").fill("another long password")
    response = submit(page, "form#signup-form")
    assert response.status == 409, f"a taken address answered {response.status}"
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("nav.main-nav")).to_have_count(0)
    problems.assert_clean()


def test_wrong_password_login_shows_an_error(multi_server, owner, new_context, watch):
    page = new_context(multi_server).new_page()
    problems = watch(page)
    page.goto("/login")
    form = page.locator("form#login-form")
    form.locator("[name=email]").fill(OWNER_EMAIL)
    form.locator("[name=password]").fill("not the password")
    problems.allow_error_status(multi_server.url + "/login")
    response = submit(page, "form#login-form")
    assert response.status == 401, f"a wrong password answered {response.status}"
    assert path_of(page) == "/login"
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_have_attribute("role", "alert")
    expect(summary).not_to_be_empty()
    expect(form.locator("[name=email]")).to_have_value(OWNER_EMAIL)
    expect(form.locator("[name=password]")).to_have_value("")
    expect(page.locator("nav.main-nav")).to_have_count(0)
    # Not signed in: the dashboard still sends us to sign in.
    page.goto("/")
    assert path_of(page) == "/login"

    # The right password works afterwards.
    form.locator("[name=email]").fill(OWNER_EMAIL)
    form.locator("[name=password]").fill(OWNER_PASSWORD)
    response = submit(page, "form#login-form")
    assert response.status == 303
    assert path_of(page) == "/"
    problems.assert_clean()


def test_forms_without_csrf_token_are_refused(multi_server, owner_session, new_context):
    """Every form carries a hidden csrf_token; a POST without it is refused with 403."""
    context = new_context(multi_server, storage_state=owner_session)
    page = context.new_page()
    for path, form_id in [("/settings", "profile-form"), ("/jobs/new", "job-form"), ("/", "logout-form")]:
        page.goto(path)
        token = page.locator(f"form#{form_id} input[type=hidden][name=csrf_token]")
        expect(token).to_have_count(1)
        assert len(token.get_attribute("value") or "") >= 16
    # The browser's own cookies (session + cc_csrf), but no token in the body.
    refused = context.request.post("/settings/profile", form={"full_name": "Mallory"}, max_redirects=0)
    assert refused.status == 403, f"POST without csrf_token answered {refused.status}"
    wrong = context.request.post("/settings/profile", form={"full_name": "Mallory", "csrf_token": "forged"}, max_redirects=0)
    assert wrong.status == 403, f"POST with a forged csrf_token answered {wrong.status}"
    page.goto("/settings")
    expect(page.locator("form#profile-form [name=full_name]")).to_have_value("Olive Owner")
