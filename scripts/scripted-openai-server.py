#!/usr/bin/env python3
"""A scripted OpenAI-compatible chat server for the explainer's tests (127.0.0.1 only).

It does on demand what a real server does only by accident. The base URL picks the script:
    http://127.0.0.1:PORT/<scenario>/<text as base64url>
so `<base>/health` and `<base>/v1/chat/completions` answer as that scenario, streaming <text>.

Scenarios:
  ok         the text in small deltas, with ':' comments, a last chunk with empty choices, [DONE]
  split      the same events written one byte at a time (Korean characters split across writes)
  noclose    finish_reason then the connection closes without [DONE]
  stall      headers, then nothing for 30 s
  slow       one delta every 400 ms
  cut        half the deltas, then the connection closes mid-answer
  loading    /health answers 503 (the model is loading); chat answers 503 too
  malformed  a data line that is not JSON
  error      an `event: error` in the middle of the stream
  escape     the text with terminal escape sequences, controls and bidi overrides mixed in
  length     the text, then finish_reason "length"

Prints the port on its first line; exits when its standard input closes. With
KIOSK_STAMP_FILE set, it writes time.monotonic_ns() (CLOCK_MONOTONIC) there just before it sends
each answer's first content byte, so kiosk-bench can time the client's side from that moment.
"""
import base64
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def chunk(content=None, finish=None, empty=False):
    if empty:
        return {"id": "x", "object": "chat.completion.chunk", "choices": [], "usage": {"completion_tokens": 3}}
    delta = {} if content is None else {"content": content}
    return {"id": "x", "object": "chat.completion.chunk", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


def event(obj):
    return ("data: " + json.dumps(obj, ensure_ascii=False) + "\n\n").encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):
        pass

    def route(self):
        parts = self.path.strip("/").split("/")
        scenario = parts[0] if parts else "ok"
        text = ""
        if len(parts) > 1 and parts[1] not in ("health", "v1", "-"):
            raw = parts[1] + "=" * (-len(parts[1]) % 4)
            text = base64.urlsafe_b64decode(raw).decode()
        return scenario, text, self.path.endswith("/health")

    def do_GET(self):
        scenario, _, health = self.route()
        if not health:
            self.send_error(404)
            return
        code = 503 if scenario == "loading" else 200
        body = json.dumps({"status": "loading model" if code == 503 else "ok"}).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        scenario, text, _ = self.route()
        length = int(self.headers.get("Content-Length", "0"))
        json.loads(self.rfile.read(length) or b"{}")
        if scenario == "loading":
            self.send_error(503)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        pieces = [text[i:i + 5] for i in range(0, len(text), 5)]
        w = self.wfile
        try:
            if scenario == "stall":
                time.sleep(30)
                return
            if scenario == "malformed":
                w.write(b"data: {\"choices\": [{\"delta\": {\"content\": \"\xec\x95\x88\n\n")
                w.flush()
                return
            if scenario == "escape":
                pieces = ["\x1b[2J\x1b[H", "\x1b]0;owned\x07"] + pieces[:1] + ["\u202e\u200b\x07\x08"] + pieces[1:] + ["\x1b[31m"]
            if scenario == "cut":
                pieces = pieces[: max(1, len(pieces) // 2)]
            w.write(b": ping\n\n")
            stamp = os.environ.get("KIOSK_STAMP_FILE")
            for i, p in enumerate(pieces):
                data = event(chunk(p))
                if i == 0 and stamp:
                    with open(stamp, "w") as f:
                        f.write(str(time.monotonic_ns()))
                if scenario == "split":
                    for b in data:
                        w.write(bytes([b]))
                        w.flush()
                else:
                    w.write(data)
                    w.flush()
                if scenario == "slow":
                    time.sleep(0.4)
                if scenario == "error" and i == 0:
                    w.write(b"event: error\ndata: {\"message\": \"context overflow\"}\n\n")
                    w.flush()
                    return
            if scenario == "cut":
                w.flush()
                return
            w.write(event(chunk(finish="length" if scenario == "length" else "stop")))
            if scenario == "noclose":
                w.flush()
                return
            w.write(b": usage follows\r\n\r\n")
            w.write(event(chunk(empty=True)))
            w.write(b"data: [DONE]\n\n")
            w.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()


if __name__ == "__main__":
    main()
