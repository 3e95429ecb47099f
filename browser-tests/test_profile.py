"""Scenario: a person's profile and what it gives them (single-user mode).

Import a real PDF resume on /profile → review the draft (nothing saved yet) → correct a field
→ save → the worker scores the jobs → /jobs sorted by match shows the scores → the job page
explains one → /recommendations lists the best fits → export gives the profile back as JSON
Resume with the correction.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from playwright.sync_api import Page, expect

from conftest import REPO, path_of, submit

RESUME = REPO / "Tests" / "ProfilesTests" / "Fixtures" / "resumes" / "pdf-one-column.pdf"


def wait_for_scores(page: Page, path: str, selector: str, seconds: float = 20) -> None:
    """Reloads until the background worker has scored the jobs (a refresh runs as a task)."""
    deadline = time.monotonic() + seconds
    while True:
        page.goto(path)
        if page.locator(selector).count() > 0 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    expect(page.locator(selector).first).to_be_visible()


def test_import_review_correct_save_and_see_the_matches(single_server, new_context, watch):
    firmware = single_server.create_job(
        title="Senior Firmware Engineer", company="Orbital Robotics", location="Kraków, Poland",
        description="<p>Requirements: C, C++, FreeRTOS, CAN bus. Nice to have: Rust, Kubernetes.</p>",
    )
    single_server.create_job(title="Head of Sales", company="Brochure Ltd", description="<p>Requirements: Salesforce, cold calling.</p>")
    page = new_context(single_server).new_page()
    problems = watch(page)

    page.goto("/profile")
    expect(page.locator("h1")).to_have_text("Profile")
    page.locator("form#import-form input[type=file]").set_input_files(str(RESUME))
    response = submit(page, "form#import-form")
    assert response.status == 200, response.status
    # The draft is on the page for review; nothing is saved yet.
    expect(page.locator("#review")).to_contain_text("Nothing is saved yet")
    expect(page.locator("[name='basics.name']")).to_have_value("Katarzyna Wójcik")
    expect(page.locator("[name='work[0].position']")).to_have_value("Senior Embedded Software Engineer")
    expect(page.locator("[name='work[0].name']")).to_have_value(re.compile("Vistula Robotics"))
    skills = [page.locator(f"[name='skills[{i}].name']").input_value() for i in range(page.locator("[name$='].name'][name^='skills']").count())]
    assert {"C", "C++", "FreeRTOS"} <= set(skills), skills
    status, stored = single_server.api("GET", "/api/v1/profile")
    assert status == 200 and (stored["data"].get("basics") or {}).get("name") in (None, ""), stored

    # The person corrects a title and saves the reviewed draft.
    page.locator("[name='work[0].position']").fill("Lead Embedded Software Engineer")
    page.locator("[name='preferences.target_titles']").fill("Firmware Engineer, Embedded Engineer")
    saved = submit(page, "form#profile-form", "button#save-profile")
    assert saved.status == 303, saved.status
    assert path_of(page) == "/profile"
    expect(page.locator("[name='work[0].position']")).to_have_value("Lead Embedded Software Engineer")
    expect(page.locator("#review")).to_have_count(0)

    # The scores appear in the job list once the worker has run; the firmware job ranks first.
    wait_for_scores(page, "/jobs?sort=-match", "ol#job-list .match-badge")
    first = page.locator("ol#job-list > li.job-card[data-job-id]").first
    expect(first).to_have_attribute("data-job-id", str(firmware["id"]))

    # The job page explains the score: met and missing requirements.
    page.goto(f"/jobs/{firmware['id']}")
    match = page.locator("section#match")
    expect(match).to_contain_text("How you match")
    expect(match.locator("li.met[data-skill='FreeRTOS']")).to_have_count(1)
    expect(match.locator("li.met[data-skill='CAN bus']")).to_have_count(1)
    expect(match.locator("li.missing[data-skill='Kubernetes']")).to_contain_text("nice to have")

    # Recommendations: best fit first.
    page.goto("/recommendations")
    expect(page.locator("main li.job-card").first).to_contain_text("Senior Firmware Engineer")

    # Export: the profile as JSON Resume, with the correction.
    page.goto("/profile")
    with page.expect_download() as download:
        page.locator("a#export-profile").click()
    exported = json.loads(Path(download.value.path()).read_text())
    assert exported["work"][0]["position"] == "Lead Embedded Software Engineer", exported["work"][0]
    assert exported["basics"]["name"] == "Katarzyna Wójcik"
    problems.assert_clean()


def test_a_file_that_is_not_a_resume_is_refused_on_the_page(single_server, new_context, watch, tmp_path):
    page = new_context(single_server).new_page()
    problems = watch(page)
    fake = tmp_path / "resume.pdf"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    page.goto("/profile")
    problems.allow_error_status(single_server.url + "/profile/import")
    page.locator("form#import-form input[type=file]").set_input_files(str(fake))
    response = submit(page, "form#import-form")
    assert response.status == 422, response.status
    expect(page.locator("main")).to_contain_text("PNG image")
    problems.assert_clean()
