"""A static server that answers like GitHub Pages, for the browser tests: the site under a folder
of the host (PREFIX, e.g. /briefing/), and for any address that is not a file, the site's 404.html
with status 404. `python -m http.server` does neither.

Usage: python pages_server.py PORT DIRECTORY PREFIX   (listens on 127.0.0.1 only)
"""
from __future__ import annotations

import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class PagesHandler(SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path: str) -> str:
        """Files below the prefix come from the directory; anything else is not found."""
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "404.html" / "not-in-the-site")  # no file can be there
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # quiet: the tests read the browser, not the log
        pass


def main(port: int, directory: str, prefix: str) -> None:
    handler = type("Handler", (PagesHandler,), {"prefix": prefix})
    with ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=directory)) as server:
        server.serve_forever()


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], sys.argv[3])
