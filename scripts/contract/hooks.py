"""What the API's rules say that a JSON schema cannot, taught to Schemathesis's positive cases
(schema-valid requests, which must be accepted). Negative cases are left as generated.

- A job's salary_max is at least its salary_min (two fields compared; on an update, the stored
  row holds the one the body leaves out, so the body names both).
- An application names a job that exists: a job made for it just before it is sent (the
  run's own requests may delete any job they find).
- A source's identifier is valid for its type, and keyed types need keys this run has not.
- A shared job stays shared: an update may not make it private again.
- Signing in needs an account: positive sign-ins use the run's own.
- An imported resume must be one: positive imports send a short text resume (any bytes fit the
  schema's `binary`, and a PNG is rightly refused).
- A pasted job address must answer: positive imports read a page the run serves itself
  (CC_CONTRACT_IMPORT_URL), so no request leaves the machine.

Every response's status is logged (CC_CONTRACT_STATUS_LOG) for check_statuses.py, which fails
the run when an operation never succeeded.
"""
import json
import os
import urllib.request

import schemathesis

# A valid identifier for each source type without keys.
SOURCE_IDENTIFIERS = {
    "greenhouse": "acme", "lever": "acme", "lever_eu": "acme", "ashby": "acme", "smartrecruiters": "acme",
    "workable": "acme", "recruitee": "acme", "remotive": "swift", "remoteok": "swift", "arbeitnow": "", "hn": "",
    "rss": "https://feeds.example.com/jobs.xml", "jsonld": "https://careers.example.com/jobs",
}

RESUME = b"Ada Lovelace\nada@example.org\n\nEXPERIENCE\nBackend Engineer at Analytical Engines\n2019 - 2024\n\nSKILLS\nGo, PostgreSQL\n"


def _new_job():
    headers = {"Content-Type": "application/json"}
    if os.environ.get("CC_CONTRACT_TOKEN"):
        headers["Authorization"] = "Bearer " + os.environ["CC_CONTRACT_TOKEN"]
    request = urllib.request.Request(
        os.environ["CC_CONTRACT_BASE"] + "/jobs", data=json.dumps({"title": "Contract job", "company": "Contract"}).encode(), headers=headers
    )
    with urllib.request.urlopen(request) as response:
        return json.load(response)["data"]["id"]


def _positive(case):
    return case.meta is not None and str(case.meta.generation.mode) == "positive"


@schemathesis.hook
def map_case(ctx, case):
    if not _positive(case) or not isinstance(case.body, dict):
        return case
    path, method, body = case.operation.path, case.operation.method.upper(), case.body
    if path.endswith("/auth/login"):
        # The run's own account: a wrong password would fill the sign-in limit for every case.
        body["email"], body["password"] = "contract@example.com", "contract password"
    elif path.endswith("/profile/import"):
        body["file"] = RESUME
    elif path.endswith("/jobs/import"):
        body["url"] = os.environ["CC_CONTRACT_IMPORT_URL"]
    elif path.endswith("/jobs") or path.endswith("/jobs/{id}"):
        low, high = body.get("salary_min"), body.get("salary_max")
        if isinstance(low, (int, float)) and isinstance(high, (int, float)) and high < low:
            body["salary_min"], body["salary_max"] = high, low
        if path.endswith("/jobs/{id}") and (isinstance(low, (int, float))) != (isinstance(high, (int, float))):
            body["salary_min"] = body["salary_max"] = low if isinstance(low, (int, float)) else high
        if path.endswith("/jobs/{id}") and body.get("is_private") is True:
            del body["is_private"]
    elif path.endswith("/sources") and method == "POST":
        if body.get("type") not in SOURCE_IDENTIFIERS:
            body["type"] = "remotive"
        body["identifier"] = SOURCE_IDENTIFIERS[body["type"]]
        if "schedule" in body:
            body["schedule"] = "every 6h"
    elif path.endswith("/sources/{id}"):
        # The stored source's type decides what its identifier may be, and may not change.
        body.pop("identifier", None)
        body.pop("type", None)
        body.pop("kind", None)
        if "schedule" in body:
            body["schedule"] = "every 6h"
    return case


@schemathesis.hook
def before_call(ctx, case, kwargs):
    # A job made just before the request that names it: the run's own requests delete jobs
    # they find, so one made when the case was generated may be gone by the time it is sent.
    if _positive(case) and isinstance(case.body, dict) and "job_id" in case.body \
            and case.operation.path.endswith("/applications") and case.operation.method.upper() == "POST":
        case.body["job_id"] = _new_job()


@schemathesis.hook
def after_call(ctx, case, response):
    with open(os.environ["CC_CONTRACT_STATUS_LOG"], "a") as log:
        log.write(f"{case.operation.label}\t{response.status_code}\n")
