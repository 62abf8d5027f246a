#!/usr/bin/env python3
"""http_postgres: two `esfdraft serve` processes on one PostgreSQL database act as one.

usage: two_instances.py ESFDRAFT_BINARY SOURCE_DIR   (with ESFDRAFT_TEST_POSTGRES set,
       as tests/store/with-postgres.sh does)

One client alternates between instance A and instance B, as it would behind a
load balancer without sticky sessions: sign in on A and use the session
cookie on B, upload on A and read the bytes on B, a second version on B, move
it on B (owner submits) and on A (reviewer takes it into review), the draft
made on A is the one B answers, history on
A shows every step, concurrent uploads to both instances number versions
without gaps, and signing out on B ends the session on A.
"""
import json
import os
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_process as sp  # noqa: E402

PASSWORD = "correct horse battery staple"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message, flush=True)
    return condition


def login(server, email):
    status, headers, data = server.request("POST", "/api/login", json.dumps({"email": email, "password": PASSWORD}),
                                           {"Content-Type": "application/json"})
    if not check(status == 200, f"login of {email} answered {status}: {data[:200]!r}"):
        raise SystemExit(1)
    cookie = headers.get("Set-Cookie", "").split(";", 1)[0]
    check(cookie, "login set no cookie")
    return {"Cookie": cookie, "X-CSRF-Token": sp.as_json(data)["csrf"]}


def run(binary, sample, database, folder):
    cli = sp.Cli(binary, database)
    cli.add_user("owner@one.example", "owner", PASSWORD, organisation="556000-0001")
    cli.add_user("reviewer@agency.example", "reviewer", PASSWORD)
    a = sp.Server(binary, database, folder, name="serve-a", threads=4)
    b = sp.Server(binary, database, folder, name="serve-b", threads=4)
    try:
        owner = login(a, "owner@one.example")
        status, _, data = b.request("GET", "/api/me", headers=owner)
        check(status == 200 and sp.as_json(data).get("email") == "owner@one.example",
              f"B does not know A's session: {status} {data[:200]!r}")

        plan = sp.distinct_plan(sample, "A1")
        body, content_type = sp.multipart(plan)
        status, _, data = a.request("POST", "/api/applications", body, {**owner, "Content-Type": content_type})
        if not check(status == 201, f"upload on A answered {status}: {data[:200]!r}"):
            return
        application = sp.as_json(data)["id"]
        base = f"/api/applications/{application}"
        status, _, data = b.request("GET", base + "/versions/1/plan.xml", headers=owner)
        check(status == 200 and data == plan, f"B does not serve A's upload byte for byte ({status})")

        second = sp.distinct_plan(sample, "B2")
        body, content_type = sp.multipart(second)
        status, _, data = b.request("POST", base + "/versions", body, {**owner, "Content-Type": content_type})
        check(status == 201 and sp.as_json(data).get("version") == 2, f"second version on B: {status} {data[:200]!r}")
        status, _, data = a.request("GET", base + "/versions/latest/plan.xml", headers=owner)
        check(status == 200 and data == second, "A does not serve B's version as the latest")

        # The draft made (and cached in the shared database) by A is the one B answers.
        status_a, _, draft_a = a.request("GET", base + "/versions/2/draft.docx", headers=owner)
        status_b, _, draft_b = b.request("GET", base + "/versions/2/draft.docx", headers=owner)
        check(status_a == 200 and status_b == 200 and draft_a == draft_b and draft_a.startswith(b"PK"),
              f"draft.docx on A ({status_a}, {len(draft_a)} bytes) and on B ({status_b}, {len(draft_b)} bytes) differ")

        # Concurrent uploads to both instances: numbers 3.. without gaps or twins.
        numbers = []
        lock = threading.Lock()

        def upload(server, label):
            body, content_type = sp.multipart(sp.distinct_plan(sample, label))
            status, _, data = server.request("POST", base + "/versions", body, {**owner, "Content-Type": content_type})
            with lock:
                numbers.append(sp.as_json(data).get("version") if status == 201 else f"status {status}")
        threads = [threading.Thread(target=upload, args=(server, f"C{n}")) for n, server in enumerate([a, b] * 3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        check(sorted(numbers, key=str) == sorted(range(3, 9), key=str),
              f"concurrent uploads on A and B got the numbers {numbers}, not 3..8")

        status, _, data = b.request("POST", base + "/transitions", json.dumps({"to": "submitted"}),
                                    {**owner, "Content-Type": "application/json"})
        check(status == 200 and sp.as_json(data).get("status") == "submitted", f"submit on B: {status} {data[:300]!r}")
        reviewer = login(b, "reviewer@agency.example")
        status, _, data = a.request("POST", base + "/transitions", json.dumps({"to": "in-review"}),
                                    {**reviewer, "Content-Type": "application/json"})
        check(status == 200, f"in-review on A with B's reviewer session: {status} {data[:300]!r}")
        status, _, data = b.request("GET", base, headers=owner)
        check(status == 200 and sp.as_json(data).get("status") == "in-review", "B does not see A's transition")

        status, _, data = a.request("GET", base + "/history", headers=owner)
        check(status == 200, f"history on A: {status}")
        actions = [event.get("action") for event in sp.as_json(data).get("history", [])]
        check(actions[:1] == ["create"] and actions.count("upload") == 8 and actions.count("transition") == 2,
              f"history on A: {actions}")

        status, _, _ = b.request("POST", "/api/logout", "", owner)
        check(status in (200, 204), f"logout on B: {status}")
        status, _, _ = a.request("GET", "/api/me", headers=owner)
        check(status == 401, f"A still accepts the session signed out on B ({status})")

        check(a.terminate() == 0, "A did not exit 0 on SIGTERM")
        check(b.terminate() == 0, "B did not exit 0 on SIGTERM")
        print(f"two instances: application {application}, versions {sorted(numbers, key=str)}, history {len(actions)} events",
              flush=True)
    finally:
        a.close()
        b.close()


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    database = os.environ.get("ESFDRAFT_TEST_POSTGRES")
    if not database:
        print("two_instances.py: ESFDRAFT_TEST_POSTGRES is not set (run it through tests/store/with-postgres.sh)",
              file=sys.stderr)
        return 2
    with open(os.path.join(sys.argv[2], "samples/framsyn/plan.xml"), "rb") as f:
        sample = f.read()
    with tempfile.TemporaryDirectory(prefix="esfdraft-two-instances-") as folder:
        try:
            run(sys.argv[1], sample, database, folder)
        finally:
            if failures:
                for name in sorted(os.listdir(folder)):
                    with open(os.path.join(folder, name), "rb") as log:
                        print(f"--- {name} (end)\n{log.read()[-2000:].decode('utf-8', 'replace')}", file=sys.stderr)
    if failures:
        print(f"{len(failures)} failure(s)", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
