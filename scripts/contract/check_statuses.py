"""Fails the contract run when an operation never answered 2xx: a run in which every request
was refused (an expired token, a broken hook) would otherwise pass, as every operation
documents 401, 405 and 500. Operations that a generated request cannot reach successfully are
named here, each with its reason.

    python3 check_statuses.py STATUS_LOG OPENAPI_JSON
"""
import collections
import json
import sys

NO_SUCCESS_EXPECTED = {
    "POST /api/v1/auth/refresh": "needs a live refresh token, which no generated request holds (AuthTests cover it)",
    "DELETE /api/v1/users/me": "needs the run's own password; deleting the account would end the run (AuthTests cover it)",
    "PUT /api/v1/users/me/password": "needs the run's own password, and would end its session (AuthTests cover it)",
    "POST /api/v1/tasks/{id}/retry": "needs a failed task, which the run cannot cause (TaskQueueTests cover it)",
    "POST /api/v1/auth/logout": "left out of the run: it would revoke the run's token",
    "POST /api/v1/auth/register": "sign-ups are limited per address (10 in 15 minutes, invalid ones too): the run's first ones are "
    "its invalid cases (AuthTests and HardeningTests cover sign-up)",
    "GET /api/v1/openapi.json": "the run reads it itself, to load the schema it tests",
}

log_path, document_path = sys.argv[1], sys.argv[2]
with open(document_path) as document:
    paths = json.load(document)["paths"]
operations = {f"{method.upper()} {path}" for path, item in paths.items() for method in item if method in ("get", "put", "post", "delete", "patch")}
statuses = collections.defaultdict(collections.Counter)
with open(log_path) as log:
    for line in log:
        label, status = line.rstrip("\n").rsplit("\t", 1)
        statuses[label][int(status)] += 1

missing = []
for operation in sorted(operations):
    if operation in NO_SUCCESS_EXPECTED:
        continue
    seen = statuses.get(operation, collections.Counter())
    if not any(200 <= status < 300 for status in seen):
        missing.append(f"  {operation}: {dict(seen) or 'never called'}")
if missing:
    print("These operations never answered 2xx in the contract run:", *missing, sep="\n", file=sys.stderr)
    sys.exit(1)
print(f"Every operation answered 2xx at least once ({len(operations) - len(NO_SUCCESS_EXPECTED)} operations; {len(NO_SUCCESS_EXPECTED)} named exceptions).")
