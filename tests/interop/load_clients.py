#!/usr/bin/env python3
"""tests/interop/load_clients.py: the clients of tests/interop/load.sh.

Against a running `tlspp server --www` on 127.0.0.1, in one bounded run:
warm-up handshakes, then the baseline: the server's open descriptors
(/proc/PID/fd) and resident memory (VmRSS in /proc/PID/status). Then
--rounds times:
  1. idle connections held open: some send nothing, some send half a
     ClientHello and stall, some finish the handshake and send no request;
  2. full handshakes + GET in concurrent batches while those stay open, each
     checked for a page naming the cipher suite, and meanwhile a probe client
     that measures a fresh handshake's latency every PROBE_INTERVAL;
  3. clients that send a ClientHello, read part of the answer and vanish;
  4. every idle connection still open (nothing was dropped to serve the
     load), then all of them closed, half of the stalled ones with a reset;
  5. the server's descriptors back to the baseline exactly, and its memory
     noted: it may not grow by more than --rss-round-kib from a round to the
     next (the allocator's slack is taken in the first round and reused
     after it; a leak grows with every round), nor end more than
     --rss-slack-kib over the baseline.
Finally the server must still answer. Standard library only (ssl, socket,
threads). Prints a report as it goes; on failure the last line of stderr
says why and the exit status is 1.
"""
import argparse
import os
import resource
import socket
import ssl
import struct
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

PROBE_INTERVAL = 0.25
CONNECT_TIMEOUT = 10.0


class Failure(Exception):
    pass


def server_fds(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def server_rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise Failure("no VmRSS in /proc/%d/status" % pid)


def tcp_connect(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=CONNECT_TIMEOUT)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def client_hello(ctx):
    """The bytes of a real ClientHello, made without a socket."""
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    obj = ctx.wrap_bio(incoming, outgoing, server_hostname="localhost")
    try:
        obj.do_handshake()
    except ssl.SSLWantReadError:
        pass
    hello = outgoing.read()
    if len(hello) < 50 or hello[0] != 0x16:
        raise Failure("could not make a ClientHello (%d bytes)" % len(hello))
    return hello


def fetch_page(ctx, port):
    """One full handshake and GET; returns (seconds for the handshake, page)."""
    start = time.monotonic()
    with tcp_connect(port) as raw:
        with ctx.wrap_socket(raw, server_hostname="localhost") as tls:
            shaken = time.monotonic() - start
            tls.sendall(b"GET /load HTTP/1.0\r\n\r\n")
            page = b""
            while True:
                chunk = tls.recv(65536)
                if not chunk:
                    break
                page += chunk
    return shaken, page


def check_page(page):
    # TLS 1.3 by default (TLS_AES_..., TLS_CHACHA20_...), TLS 1.2 when a client limits itself (TLS_ECDHE_...).
    suite_named = any(s in page for s in (b"TLS_ECDHE_", b"TLS_AES_", b"TLS_CHACHA20_"))
    if b"200 OK" not in page or not suite_named or b"GET /load" not in page:
        raise Failure("unexpected page: %r" % page[:200])


def reset_close(sock):
    """close() that sends a reset instead of a FIN (SO_LINGER with 0 s)."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def still_open(sock):
    """Nothing to read and no end of stream: the server kept the connection."""
    sock.setblocking(False)
    try:
        # socket.socket.recv: an SSLSocket refuses flags; this peeks at the raw TCP stream.
        socket.socket.recv(sock, 1, socket.MSG_PEEK | socket.MSG_DONTWAIT)
    except BlockingIOError:
        return True
    except OSError:
        return False
    return False   # end of stream, or bytes (an alert) nobody asked for


def wait_until(condition, limit):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


class Report:
    """Lines printed as they come (with the time since the start), so a failed run shows how far it got."""

    def __init__(self):
        self.start = time.monotonic()

    def append(self, line):
        print("[%5.1f s] %s" % (time.monotonic() - self.start, line), flush=True)


class Probe(threading.Thread):
    """Measures a fresh client's handshake while the load runs."""

    def __init__(self, ctx, port):
        super().__init__(daemon=True)
        self.ctx, self.port = ctx, port
        self.latencies, self.errors = [], []
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            try:
                shaken, page = fetch_page(self.ctx, self.port)
                check_page(page)
                self.latencies.append(shaken)
            except Exception as e:  # noqa: BLE001 - every failure is reported
                self.errors.append(repr(e))
            self.stop.wait(PROBE_INTERVAL)


def open_idle(ctx, port, count, hello):
    """Idle connections: 40% silent, 30% half a ClientHello, 30% established."""
    n_silent, n_stalled = count * 4 // 10, count * 3 // 10
    silent = [tcp_connect(port) for _ in range(n_silent)]
    stalled = []
    for _ in range(n_stalled):
        s = tcp_connect(port)
        s.sendall(hello[: len(hello) // 2])
        stalled.append(s)
    with ThreadPoolExecutor(max_workers=16) as pool:
        def shake(_):
            return ctx.wrap_socket(tcp_connect(port), server_hostname="localhost")
        established = list(pool.map(shake, range(count - n_silent - n_stalled)))
    return silent, stalled, established


def run_handshakes(ctx, port, args, report):
    """Full handshakes in concurrent batches, with the probe running."""
    probe = Probe(ctx, port)
    probe.start()
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
        results = list(pool.map(lambda _: fetch_page(ctx, port), range(args.handshakes)))
    elapsed = time.monotonic() - start
    probe.stop.set()
    probe.join(timeout=30)
    for _, page in results:
        check_page(page)
    times = sorted(t for t, _ in results)
    report.append("  handshakes: %d of %d done in %.1f s, %d at a time (p50 %.0f ms, max %.0f ms)"
                  % (len(results), args.handshakes, elapsed, args.concurrency,
                     times[len(times) // 2] * 1000, times[-1] * 1000))
    if probe.errors:
        raise Failure("the probe client failed %d times: %s" % (len(probe.errors), probe.errors[0]))
    if not probe.latencies:
        raise Failure("the probe client finished no handshake")
    worst = max(probe.latencies)
    report.append("  probe: %d fresh handshakes during the load, slowest %.0f ms (limit %.0f ms)"
                  % (len(probe.latencies), worst * 1000, args.max_latency * 1000))
    if worst > args.max_latency:
        raise Failure("a fresh client waited %.2f s for its handshake (limit %.1f s)" % (worst, args.max_latency))


def vanish_mid_handshake(port, count, hello):
    """Clients that send a ClientHello, read part of the answer and go (half with a reset)."""
    def vanish(i):
        s = tcp_connect(port)
        s.sendall(hello)
        if not s.recv(64):
            raise Failure("the server closed instead of answering a ClientHello")
        reset_close(s) if i % 2 else s.close()
    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(vanish, range(count)))


def close_idle(silent, stalled, established):
    """Checks that the server kept every idle connection, then closes them all."""
    idle = silent + stalled + established
    dropped = sum(1 for s in idle if not still_open(s))
    if dropped:
        raise Failure("the server closed %d of %d idle connections during the load" % (dropped, len(idle)))
    for i, s in enumerate(stalled):
        reset_close(s) if i % 2 else s.close()
    for s in silent:
        s.close()
    for i, s in enumerate(established):
        if i % 2:
            try:
                s.setblocking(True)
                s.unwrap()      # close_notify first
            except (OSError, ValueError):
                pass
        s.close()


def load_round(ctx, port, pid, args, hello, base_fds, report):
    silent, stalled, established = open_idle(ctx, port, args.idle, hello)
    idle = len(silent) + len(stalled) + len(established)
    if not wait_until(lambda: server_fds(pid) >= base_fds + idle, 10):
        raise Failure("the server holds %d descriptors, expected %d + %d idle connections"
                      % (server_fds(pid), base_fds, idle))
    report.append("  idle: %d silent, %d stalled mid-ClientHello, %d established; server at %d descriptors"
                  % (len(silent), len(stalled), len(established), server_fds(pid)))
    run_handshakes(ctx, port, args, report)
    peak = server_rss_kib(pid)
    vanish_mid_handshake(port, args.vanishing, hello)
    close_idle(silent, stalled, established)
    if not wait_until(lambda: server_fds(pid) == base_fds, 10):
        raise Failure("descriptors did not return to the baseline: %d now, %d before" % (server_fds(pid), base_fds))
    time.sleep(0.5)
    rss = server_rss_kib(pid)
    report.append("  %d vanished mid-handshake; all closed: %d descriptors; %d KiB resident (peak %d KiB)"
                  % (args.vanishing, server_fds(pid), rss, peak))
    return rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--pid", type=int, required=True, help="the tlspp server process")
    ap.add_argument("--ca", required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--idle", type=int, default=1000, help="idle connections held open")
    ap.add_argument("--handshakes", type=int, default=1000)
    ap.add_argument("--concurrency", type=int, default=64)
    ap.add_argument("--vanishing", type=int, default=200, help="clients gone mid-handshake")
    ap.add_argument("--max-latency", type=float, default=2.0, help="seconds, for the probe's handshakes")
    ap.add_argument("--rss-slack-kib", type=int, default=8192, help="growth allowed over the baseline")
    ap.add_argument("--rss-round-kib", type=int, default=256, help="growth allowed from one round to the next")
    args = ap.parse_args()

    # Every idle connection is a descriptor here too.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = args.idle + args.concurrency + 256
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(wanted, hard), hard))
    ctx = ssl.create_default_context(cafile=args.ca)
    pid, port = args.pid, args.port
    report = Report()

    # Warm-up, so that what the first handshakes set up for good (libcrypto
    # tables, the session cache's table, the allocator's arena) is in the baseline.
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _, page in pool.map(lambda _: fetch_page(ctx, port), range(64)):
            check_page(page)
    time.sleep(0.5)
    base_fds, base_rss = server_fds(pid), server_rss_kib(pid)
    report.append("baseline: %d descriptors, %d KiB resident" % (base_fds, base_rss))
    hello = client_hello(ctx)

    after = []
    for r in range(args.rounds):
        report.append("round %d:" % (r + 1))
        after.append(load_round(ctx, port, pid, args, hello, base_fds, report))
        # Allocator slack is reached in the first round and reused after it;
        # a leak grows with every round.
        if r > 0 and after[r] > after[r - 1] + args.rss_round_kib:
            raise Failure("resident memory grew by %d KiB in round %d (limit %d KiB a round): a leak"
                          % (after[r] - after[r - 1], r + 1, args.rss_round_kib))
    limit = base_rss + args.rss_slack_kib
    if after[-1] > limit:
        raise Failure("resident memory did not return near the baseline: %d KiB now, %d KiB before (limit %d)"
                      % (after[-1], base_rss, limit))
    report.append("after %d rounds: %d descriptors (baseline %d), %d KiB resident (baseline %d, limit %d)"
                  % (args.rounds, server_fds(pid), base_fds, after[-1], base_rss, limit))
    _, page = fetch_page(ctx, port)
    check_page(page)
    report.append("still answering")


if __name__ == "__main__":
    try:
        main()
    except (Failure, OSError, ssl.SSLError) as e:
        print("load: %s" % e, file=sys.stderr)
        sys.exit(1)
