# Helpers for the tests that drive the real `esfdraft serve` binary (not the
# in-process Server): start it on a free port, wait until it answers, make
# users and tokens with the CLI, and call the API with the standard library
# only (the tests must not depend on pip packages).
import hashlib
import http.client
import json
import os
import signal
import socket
import subprocess
import time

BOUNDARY = "esfdraftServeTestBoundary0123456789"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def multipart(plan, findings=None):
    """The body and content type of an upload with the part `plan` (and `findings`)."""
    body = b""
    for name, data in (("plan", plan), ("findings", findings)):
        if data is None:
            continue
        body += (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{name}.xml\"\r\n"
                 "Content-Type: application/xml\r\n\r\n").encode() + data + b"\r\n"
    body += f"--{BOUNDARY}--\r\n".encode()
    return body, f"multipart/form-data; boundary={BOUNDARY}"


def distinct_plan(sample, label):
    """The sample plan with `label` in front of its title, so that every upload has its own bytes."""
    marker = b"<title>FRAMSYN"
    assert marker in sample, "the sample plan's title no longer starts with FRAMSYN"
    return sample.replace(marker, b"<title>" + label.encode() + b" FRAMSYN", 1)


class Cli:
    def __init__(self, binary, database):
        self.binary = binary
        self.database = database

    def run(self, *args, stdin=None):
        done = subprocess.run([self.binary, *args, "--database", self.database], input=stdin,
                              capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"esfdraft {' '.join(args)} failed ({done.returncode}): {done.stderr}")
        return done.stdout

    def add_user(self, email, role, password, organisation=None):
        args = ["user", "add", email, "--role", role, "--password-stdin"]
        if organisation:
            args += ["--organisation", organisation]
        self.run(*args, stdin=password + "\n")

    def token(self, email):
        lines = [line for line in self.run("token", "create", email).splitlines() if line.strip()]
        return lines[-1].strip()


class Server:
    """One `esfdraft serve` process; its standard output (the access log) and errors go to files in `folder`."""

    def __init__(self, binary, database, folder, name="serve", threads=8):
        self.port = free_port()
        self.log = open(os.path.join(folder, name + ".log"), "ab")
        self.process = subprocess.Popen(
            [binary, "serve", "--listen", f"127.0.0.1:{self.port}", "--database", database, "--threads", str(threads)],
            stdout=self.log, stderr=subprocess.STDOUT)
        # Wait until it answers (migrating a new database takes a moment); a
        # process that exits is a failure at once.
        deadline = time.monotonic() + 60
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"esfdraft serve exited with {self.process.returncode}; see {self.log.name}")
            try:
                if self.request("GET", "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("esfdraft serve did not answer /healthz within 60 s")
            time.sleep(0.05)

    def request(self, method, path, body=None, headers=None, timeout=120):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            data = response.read()
            return response.status, dict(response.getheaders()), data
        finally:
            connection.close()

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def terminate(self, timeout=60):
        """SIGTERM and the exit status."""
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout)

    def close(self):
        if self.process.poll() is None:
            self.kill()
        self.log.close()


def bearer(token):
    return {"Authorization": "Bearer " + token}


def as_json(data):
    return json.loads(data.decode("utf-8"))
