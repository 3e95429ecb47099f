#!/usr/bin/env python3
"""Writes Greenhouse-shaped job boards for the ingest benchmark: BOARDS boards of PER_BOARD
postings each, as the Job Board API answers `GET /v1/boards/{board}/jobs?content=true`
(entity-encoded HTML content, pay ranges in metadata, several locations, offsets in dates).
Usage: make-boards.py OUT_DIR BOARDS PER_BOARD"""
import html, json, os, random, sys

out, boards, per_board = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
random.seed(7)
levels = ["", "Senior ", "Staff ", "Principal ", "Junior "]
roles = ["Backend Engineer", "Frontend Engineer", "Data Engineer", "Platform Engineer", "Product Designer",
         "Site Reliability Engineer", "Machine Learning Engineer", "Engineering Manager"]
teams = ["Payments", "Identity", "Search", "Growth", "Billing", "Risk", "Ledger", "Mobile", "Maps", "Ads",
         "Checkout", "Fraud", "Messaging", "Storage", "Compute", "Networking", "Security", "Analytics",
         "Onboarding", "Support Tools", "Marketplace", "Pricing", "Catalog", "Logistics", "Developer Platform"]
places = ["San Francisco, CA", "New York, NY", "Denver, CO; New York, NY; Westlake, TX", "Remote (US)", "London, UK",
          "Berlin, Germany", "Dublin, Ireland", "Toronto, Canada", "Remote - EU", "Austin, TX"]
skills = ["Go", "Kubernetes", "PostgreSQL", "React", "TypeScript", "Python", "Kafka", "Terraform", "AWS", "Rust",
          "Swift", "GraphQL", "Spark", "Airflow", "Redis", "Docker", "Java", "Scala", "Snowflake", "dbt"]

for b in range(boards):
    board = f"bench-{b + 1}"
    company = f"Company {b + 1}"
    jobs = []
    for i in range(per_board):
        level, role, team = levels[i % 5], roles[(i // 5) % 8], teams[(i // 40) % 25]
        used = random.sample(skills, 5)
        content = (f"<h2>About the role</h2><p>{company} is hiring a {level}{role} for the {team} team.</p>"
                   f"<p>You will build &amp; run systems with {', '.join(used[:3])}.</p><ul>"
                   + "".join(f"<li>Experience with {s} in production</li>" for s in used)
                   + "</ul><p>" + "We value kindness, curiosity and ownership. " * 12 + "</p>")
        job = {
            "id": 4_000_000 + b * 100_000 + i,
            "internal_job_id": 900_000 + i,
            "title": f" {level}{role}, {team} " if i % 7 == 0 else f"{level}{role}, {team}",
            "updated_at": "2025-11-25T20:49:51-05:00",
            "first_published": f"2025-11-{1 + i % 28:02d}T09:00:00-05:00",
            "requisition_id": f"R{i:05d}",
            "location": {"name": places[i % len(places)]},
            "absolute_url": f"https://boards.greenhouse.io/{board}/jobs/{4_000_000 + b * 100_000 + i}",
            "company_name": company,
            "content": html.escape(content, quote=False),
            "metadata": [{"id": 1, "name": "Salary Range", "value_type": "currency_range",
                          "value": {"unit": "USD", "min_value": f"{100_000 + i * 10}.0", "max_value": f"{150_000 + i * 10}.0"}}]
                        if i % 3 == 0 else None,
        }
        jobs.append(job)
    path = os.path.join(out, "v1", "boards", board)
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, "jobs"), "w") as f:
        json.dump({"jobs": jobs, "meta": {"total": len(jobs)}}, f)
