#!/usr/bin/env python3
"""http_durability: the real `esfdraft serve` on SQLite loses nothing it confirmed.

usage: durability.py ESFDRAFT_BINARY SOURCE_DIR

1. A burst of concurrent uploads (8 clients x 10 `POST /api/applications`,
   each plan with its own title) and `kill -9` of the server once a dozen are
   answered, with the others in flight. After a restart on the same file:
   every upload answered 201 is there byte for byte (the SHA-256 of
   plan.xml is the one sent), every stored version holds the bytes of one
   upload that was sent in full (nothing half there), and
   `PRAGMA integrity_check` says ok.
2. SIGTERM while requests are in flight (their bodies half sent): the server
   finishes them, their clients get complete 201 answers, and it exits 0.
"""
import os
import socket
import sqlite3
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_process as sp  # noqa: E402

CLIENTS = 8
UPLOADS_PER_CLIENT = 10
KILL_AFTER_ANSWERS = 12
PASSWORD = "correct horse battery staple"

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message, flush=True)


def burst_and_kill(binary, database, folder, token, sample):
    """Returns {sha: application id} of the uploads answered 201 and the set of every plan sent."""
    server = sp.Server(binary, database, folder, name="serve-killed")
    answered = {}          # plan sha -> application id, from complete 201 answers only
    sent = {}              # plan sha -> bytes, for every plan whose request was started
    lock = threading.Lock()
    enough = threading.Event()
    in_flight = [0]
    in_flight_at_kill = [None]

    def client(number):
        for i in range(UPLOADS_PER_CLIENT):
            plan = sp.distinct_plan(sample, f"D{number}-{i}")
            body, content_type = sp.multipart(plan)
            digest = sp.sha256(plan)
            with lock:
                sent[digest] = plan
                in_flight[0] += 1
            try:
                status, _, data = server.request("POST", "/api/applications", body,
                                                 {**sp.bearer(token), "Content-Type": content_type})
            except Exception:  # noqa: BLE001 (the server died under us): this upload was not answered
                with lock:
                    in_flight[0] -= 1
                return
            with lock:
                in_flight[0] -= 1
                if status == 201:
                    answered[digest] = sp.as_json(data)["id"]
                    if len(answered) >= KILL_AFTER_ANSWERS:
                        enough.set()
                else:
                    failures.append(f"an upload before the kill was answered {status}: {data[:200]!r}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    enough.wait(timeout=600)
    with lock:
        in_flight_at_kill[0] = in_flight[0]
        answered_at_kill = len(answered)
    server.kill()
    for thread in threads:
        thread.join(timeout=300)
    server.close()
    print(f"killed with {answered_at_kill} uploads answered and {in_flight_at_kill[0]} in flight; "
          f"{len(sent)} started, {len(answered)} answered in all", flush=True)
    check(answered_at_kill >= KILL_AFTER_ANSWERS, "the burst did not reach the kill point")
    check(in_flight_at_kill[0] > 0, "nothing was in flight when the server was killed (the test proved nothing)")
    check(len(answered) < CLIENTS * UPLOADS_PER_CLIENT, "every upload was answered: the kill came too late")
    return answered, sent


def verify_after_restart(binary, database, folder, token, answered, sent):
    server = sp.Server(binary, database, folder, name="serve-restarted")
    try:
        auth = sp.bearer(token)
        for digest, application in answered.items():
            status, _, data = server.request("GET", f"/api/applications/{application}/versions/1/plan.xml", headers=auth)
            check(status == 200, f"answered upload {application} is gone after the restart ({status})")
            if status == 200:
                check(sp.sha256(data) == digest, f"answered upload {application} has other bytes after the restart")
        status, _, data = server.request("GET", "/api/applications", headers=auth)
        check(status == 200, f"GET /api/applications answered {status}")
        listing = sp.as_json(data)
        items = listing if isinstance(listing, list) else listing.get("applications", [])
        stored_versions = 0
        for item in items:
            application = item["id"]
            status, _, data = server.request("GET", f"/api/applications/{application}", headers=auth)
            check(status == 200, f"GET /api/applications/{application} answered {status}")
            for version in sp.as_json(data).get("versions", []):
                number = version["number"] if "number" in version else version["version"]
                status, _, plan = server.request(
                    "GET", f"/api/applications/{application}/versions/{number}/plan.xml", headers=auth)
                stored_versions += 1
                check(status == 200, f"{application} v{number}: plan.xml answered {status}")
                digest = sp.sha256(plan)
                check(digest in sent and sent[digest] == plan,
                      f"{application} v{number} holds bytes that were never sent in full ({len(plan)} bytes)")
                check(version.get("sha256") == digest, f"{application} v{number}: its recorded sha256 is not its bytes'")
        print(f"after the restart: {len(items)} applications, {stored_versions} versions, "
              f"{len(answered)} answered uploads all present", flush=True)
        check(len(items) >= len(answered), "fewer applications than answered uploads")
        check(len(items) <= len(sent), "more applications than uploads sent")
        check(server.terminate() == 0, "the restarted server did not exit 0 on SIGTERM")
    finally:
        server.close()


def integrity(path):
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()
    check(rows == [("ok",)], f"PRAGMA integrity_check: {rows}")


def sigterm_in_flight(binary, database, folder, token, sample):
    """Half-sent uploads on connections the server is already serving; SIGTERM; the rest of the bodies."""
    server = sp.Server(binary, database, folder, name="serve-terminated")
    connections = []
    plans = []
    try:
        for n in range(4):
            plan = sp.distinct_plan(sample, f"T{n}")
            body, content_type = sp.multipart(plan)
            s = socket.create_connection(("127.0.0.1", server.port), timeout=120)
            # A first complete request on the connection, so that a worker
            # thread owns it (a connection still queued is not "in flight").
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
            first = read_response(s)
            check(first.startswith(b"HTTP/1.1 200"), f"healthz on connection {n}: {first[:80]!r}")
            head = (f"POST /api/applications HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer {token}\r\n"
                    f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode()
            half = len(body) // 2
            s.sendall(head + body[:half])
            connections.append((s, body[half:]))
            plans.append(plan)
        # Give the workers the moment to start reading the half bodies; the
        # assertion below does not depend on how long this is.
        time.sleep(0.5)
        server.process.send_signal(15)
        time.sleep(0.2)
        check(server.process.poll() is None, "the server exited with requests in flight")
        ids = []
        for n, (s, rest) in enumerate(connections):
            s.sendall(rest)
            answer = read_response(s)
            s.close()
            check(answer.startswith(b"HTTP/1.1 201"), f"in-flight upload {n} after SIGTERM: {answer[:120]!r}")
            body = answer.split(b"\r\n\r\n", 1)[1] if b"\r\n\r\n" in answer else b""
            if answer.startswith(b"HTTP/1.1 201"):
                ids.append(sp.as_json(body)["id"])
        status = server.process.wait(timeout=60)
        check(status == 0, f"esfdraft serve exited {status} after SIGTERM")
    finally:
        for s, _ in connections:
            s.close()
        server.close()
    # The finished uploads were stored.
    server = sp.Server(binary, database, folder, name="serve-after-term")
    try:
        for application, plan in zip(ids, plans):
            status, _, data = server.request("GET", f"/api/applications/{application}/versions/1/plan.xml",
                                             headers=sp.bearer(token))
            check(status == 200 and data == plan, f"the upload finished during shutdown ({application}) is not stored")
        check(server.terminate() == 0, "esfdraft serve did not exit 0 on SIGTERM when idle")
    finally:
        server.close()
    print(f"SIGTERM: {len(ids)} of {len(connections)} in-flight uploads answered 201 and stored", flush=True)


def read_response(s):
    """One HTTP response (head and Content-Length body) from the socket, or what came before it closed."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = s.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, source = sys.argv[1], sys.argv[2]
    with open(os.path.join(source, "samples/framsyn/plan.xml"), "rb") as f:
        sample = f.read()
    with tempfile.TemporaryDirectory(prefix="esfdraft-durability-") as folder:
        path = os.path.join(folder, "service.db")
        database = "sqlite:" + path
        cli = sp.Cli(binary, database)
        cli.add_user("owner@one.example", "owner", PASSWORD, organisation="556000-0001")
        token = cli.token("owner@one.example")
        try:
            answered, sent = burst_and_kill(binary, database, folder, token, sample)
            integrity(path)
            verify_after_restart(binary, database, folder, token, answered, sent)
            integrity(path)
            sigterm_in_flight(binary, database, folder, token, sample)
            integrity(path)
        finally:
            if failures:
                for name in sorted(os.listdir(folder)):
                    if name.endswith(".log"):
                        with open(os.path.join(folder, name), "rb") as log:
                            tail = log.read()[-2000:].decode("utf-8", "replace")
                        print(f"--- {name} (end)\n{tail}", file=sys.stderr)
    if failures:
        print(f"{len(failures)} failure(s)", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
