"""The site as CI publishes it, built and served on this machine.

CI publishes to GitHub Pages, at an address with a path prefix (https://owner.github.io/repo/),
with REPO_URL and EDIT_URI set (.github/workflows/site.yml). A build without them is one nobody
publishes, so the browser tests, tools/screenshots.py and tools/lighthouse.py all read this one:

    .venv/bin/python tools/published_site.py build OUT_DIR [--port PORT] [--engine properdocs]  # OUT_DIR/briefing/
    .venv/bin/python tools/published_site.py serve SITE_DIR --port PORT [--prefix /briefing/] [--gzip]

`build` runs `mkdocs build --strict` (or `properdocs build --strict`: the same bytes, see
tests/site/test_engines.py) with SITE_URL=http://127.0.0.1:PORT/briefing/, an example
repository, EDIT_URI=edit/main/docs/ and a fixed SOURCE_DATE_EPOCH. `serve` answers as GitHub
Pages does: SITE_DIR at /briefing/, a folder without its slash redirected, and any missing path
under the prefix answered 404 with the site's own 404.html; --gzip sends text gzipped, as Pages
does (Lighthouse's phone profile would otherwise measure ~290 KiB more than readers get).
Servers listen on 127.0.0.1 only and are stopped by their pid.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
PREFIX = "/briefing/"
PUBLISHED_ENV = {
    "REPO_URL": "https://github.com/example-owner/briefing-site",
    "EDIT_URI": "edit/main/docs/",
    "SOURCE_DATE_EPOCH": "1768400000",
    "NO_MKDOCS_2_WARNING": "1",
}
ENGINES = ("mkdocs", "properdocs")  # MkDocs 1.6 and its maintained fork (README, "Engines")
GZIPPED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv", ".webmanifest")


class BuildFailed(RuntimeError):
    """`mkdocs build --strict` (or `properdocs build --strict`) failed or warned."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def address(port: int, prefix: str = PREFIX) -> str:
    return f"http://127.0.0.1:{port}{prefix}"


def build(out: Path, port: int, config: Path = REPO / "mkdocs.yml", engine: str = "mkdocs") -> Path:
    """Build the site as CI publishes it, for http://127.0.0.1:PORT/briefing/; return its folder."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    site = out / PREFIX.strip("/")
    env = {**os.environ, **PUBLISHED_ENV, "SITE_URL": address(port)}
    result = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f", str(config), "-d", str(site)],
        capture_output=True, text=True, timeout=900, env=env, check=False)
    if result.returncode != 0 or "WARNING" in result.stderr:
        raise BuildFailed(f"{engine} build --strict failed or warned:\n{result.stderr}")
    return site


# --- The server -------------------------------------------------------------------------------------

class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """SITE_DIR at `prefix`, with Pages' 404 page and (optionally) Pages' gzip."""
    prefix = PREFIX
    gzip = False

    def translate_path(self, path: str) -> str:
        inside = path[len(self.prefix) - 1:] if path.startswith(self.prefix) else "/.not-under-the-prefix"
        return super().translate_path(inside)

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        path = urlsplit(self.path).path
        if path + "/" == self.prefix:
            self.send_response(301)
            self.send_header("Location", self.prefix)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        file = self.translate_path(self.path)
        if os.path.isdir(file) and path.endswith("/"):
            file = os.path.join(file, "index.html")
        if self.gzip and os.path.isfile(file) and file.endswith(GZIPPED) \
                and "gzip" in self.headers.get("Accept-Encoding", ""):
            return self._send_file(200, file, compress=True)
        return super().send_head()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = os.path.join(self.directory, "404.html")
        if code == 404 and self.path.startswith(self.prefix) and os.path.isfile(not_found):
            body = self._send_file(404, not_found, compress=self.gzip)
            if self.command != "HEAD":
                self.copyfile(body, self.wfile)
            return
        super().send_error(code, message, explain)

    def _send_file(self, status: int, file: str, compress: bool) -> io.BytesIO:
        with open(file, "rb") as handle:
            body = handle.read()
        compress = compress and "gzip" in self.headers.get("Accept-Encoding", "")
        if compress:
            body = gzip.compress(body, compresslevel=9, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(file))
        if compress:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        self.send_error(404)  # Pages lists no folder: one without index.html is not found

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: a test run or a tool's output has no use for an access log


def serve(site: Path, port: int, prefix: str = PREFIX, compress: bool = False) -> None:
    """Serve until killed (the child process that `serving` starts)."""
    handler = type("Handler", (SiteHandler,), {"prefix": prefix, "gzip": compress})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(site)))
    server.serve_forever()


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()


def _answers(url: str, server: subprocess.Popen) -> bool:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    return False


@contextlib.contextmanager
def serving(site: Path, port: int, prefix: str = PREFIX, compress: bool = False) -> Iterator[str | None]:
    """Serve SITE_DIR at http://127.0.0.1:PORT/PREFIX in a child process, stopped by its pid.
    Yields the address, or None if the server did not come up (the port was taken)."""
    command = [sys.executable, str(Path(__file__).resolve()), "serve", str(site), "--port", str(port),
               "--prefix", prefix, *(["--gzip"] if compress else [])]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = address(port, prefix)
        yield url if _answers(url, server) else None
    finally:
        _stop(server)


@contextlib.contextmanager
def published(out: Path, compress: bool = False) -> Iterator[tuple[Path, str]]:
    """Build the site as published for a free port and serve it there: yields (folder, address).
    The port is in the build (canonical links, feeds), so if another process takes it before the
    server binds it, the site is built again for another."""
    for _attempt in range(3):
        port = free_port()
        site = build(out, port)
        with serving(site, port, compress=compress) as url:
            if url is not None:
                yield site, url
                return
    raise RuntimeError("could not serve the built site on 127.0.0.1")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    build_command = commands.add_parser("build", help="build the site as CI publishes it into OUT_DIR/briefing/")
    build_command.add_argument("out", type=Path)
    build_command.add_argument("--port", type=int, default=8000)
    build_command.add_argument("--engine", choices=ENGINES, default="mkdocs")
    serve_command = commands.add_parser("serve", help="serve a built site as GitHub Pages does")
    serve_command.add_argument("site", type=Path)
    serve_command.add_argument("--port", type=int, required=True)
    serve_command.add_argument("--prefix", default=PREFIX)
    serve_command.add_argument("--gzip", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "build":
        print(build(args.out, args.port, engine=args.engine))
    else:
        serve(args.site, args.port, args.prefix, args.gzip)


if __name__ == "__main__":
    main()
