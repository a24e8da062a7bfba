"""A development stand-in for the seal-filing system (F5), on 127.0.0.1.

It checks each push as the real system would — HMAC-SHA256 signature over
`<timestamp>.<body>`, a timestamp within five minutes — answers 200 (or 401), and
keeps the accepted bodies under VAR_DIR/seal-filing/ (development data only).
`scripts/serve.sh` starts it beside the site and points SEAL_FILING_URL at it.
"""

import hmac
import json
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.conf import settings
from django.core.management.base import BaseCommand

from services.push import signature

MAX_SKEW = 300
MAX_BODY = 10 * 1024 * 1024


def make_handler(secret: str, folder, log):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = self.headers.get("Content-Length", "")
            length = int(length) if length.isdigit() else 0
            if not 0 < length <= MAX_BODY:
                return self.answer(413)
            body = self.rfile.read(length)
            stamp = self.headers.get("X-Jingwu-Timestamp", "")
            sent = self.headers.get("X-Jingwu-Signature", "")
            fresh = stamp.isdigit() and abs(time.time() - int(stamp)) <= MAX_SKEW
            if not fresh or not hmac.compare_digest(
                sent, signature(secret, stamp, body)
            ):
                log(
                    f"refused a push: {'bad signature' if fresh else 'stale timestamp'}"
                )
                return self.answer(401)
            delivery = self.headers.get("X-Jingwu-Delivery", "")
            try:
                data = json.loads(body)
            except ValueError:
                return self.answer(400)
            if not delivery.isdigit():  # it names the file: digits only
                return self.answer(400)
            (folder / f"{delivery}.json").write_bytes(body)
            log(f"received delivery {delivery}: case {data.get('reference')}")
            return self.answer(200)

        def answer(self, status: int) -> None:
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format, *args):  # the log line above says enough
            pass

    return Handler


class Command(BaseCommand):
    help = (
        "Receive F5 pushes on 127.0.0.1 as the seal-filing system would (development)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8099)

    def handle(self, *args, port: int, **options):
        if not settings.SEAL_FILING_SECRET:
            self.stderr.write("SEAL_FILING_SECRET is not set.")
            return
        folder = settings.VAR_DIR / "seal-filing"
        folder.mkdir(parents=True, exist_ok=True)
        handler = make_handler(settings.SEAL_FILING_SECRET, folder, self.stdout.write)
        server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.stdout.write(
            f"Seal-filing stand-in at http://127.0.0.1:{port}/ (Ctrl-C stops)"
        )
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
