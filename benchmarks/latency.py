#!/usr/bin/env python3
"""Tail latency beside peers: p50, p99, p99.9 and max at 64 and 1,000 connections.

Run through benchmarks/latency.sh (which builds the hello example first); see --help.

Each round starts every server afresh pinned to CPU 0 (taskset), the load generator on CPU 1,
and for each recipe and connection count runs a wrk warm-up, then the measured
`wrk -t1 -cN --latency --timeout 30s -s latency.lua`. The long timeout matters: wrk leaves requests
slower than its default 2 s out of the latency statistics, which would hide the tail this measures.
The peers' order rotates every round so none always runs first. The summary is the median over the
rounds of each figure, with min-max of req/s, and the ratio of each peer to the reference peer.
"""
import argparse
import datetime
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PATHS = {"plaintext": "/plaintext", "json": "/json"}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--connections", default="64,1000", help="comma-separated wrk connection counts")
    p.add_argument("--recipes", default="plaintext,json", help="subset of " + ",".join(PATHS))
    p.add_argument("--peers", default="aurora,netty,helidon-se",
                   help="peers to run: aurora (benchmarks/aurora-start.sh) or a peer of the perf harness")
    p.add_argument("--peer", action="append", default=[], metavar="NAME=SCRIPT",
                   help="another server: SCRIPT PORT serves CONTRACT.md on 127.0.0.1:PORT (repeatable)")
    p.add_argument("--reference", default="netty", help="the peer the ratios are taken against")
    p.add_argument("--duration", type=int, default=10, help="measured seconds per run")
    p.add_argument("--warmup", type=int, default=5, help="warm-up seconds per run (discarded)")
    p.add_argument("--label", default="")
    p.add_argument("--port", type=int, default=18180)
    p.add_argument("--out", default=os.path.join(HERE, "results"))
    return p.parse_args()


def perf_dir():
    d = os.environ.get("PERF_DIR") or os.path.join(ROOT, "..", "shared", "perf")
    return os.path.abspath(d)


def scripts(args):
    found = {}
    for name in [n for n in args.peers.split(",") if n]:
        if name == "aurora":
            found[name] = os.path.join(HERE, "aurora-start.sh")
        else:
            found[name] = os.path.join(perf_dir(), "peers", name, "start.sh")
    for spec in args.peer:
        name, _, script = spec.partition("=")
        if not script:
            sys.exit(f"latency.py: --peer wants NAME=SCRIPT, got {spec!r}")
        found[name] = os.path.abspath(script)
    for name, script in found.items():
        if not os.access(script, os.X_OK):
            sys.exit(f"latency.py: {name}: {script} not found or not executable")
    return found


def answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(b"GET /plaintext HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            return s.recv(64).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


def start(script, port, log):
    proc = subprocess.Popen(["taskset", "-c", "0", script, str(port)], stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{script} exited with {proc.returncode}")
        if answers(port):
            return proc
        time.sleep(0.05)
    stop(proc)
    raise RuntimeError(f"{script} did not answer on port {port} within 90 s")


def stop(proc):
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    except ProcessLookupError:
        pass


def wrk(port, path, connections, seconds):
    cmd = ["taskset", "-c", "1", "wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "30s",
           "-s", os.path.join(HERE, "latency.lua"), f"http://127.0.0.1:{port}{path}"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60).stdout
    m = re.search(r"^LATENCY (.*)$", out, re.M)
    if not m:
        raise RuntimeError("wrk printed no LATENCY line:\n" + out)
    fields = {k: int(v) for k, v in (kv.split("=") for kv in m.group(1).split())}
    fields["rps"] = fields["requests"] / (fields["duration_us"] / 1e6)
    fields["errors"] = sum(fields[k] for k in ("connect", "read", "write", "status", "timeout"))
    return fields, out


def main():
    args = parse_args()
    servers = scripts(args)
    recipes = [r for r in args.recipes.split(",") if r]
    conns = [int(c) for c in args.connections.split(",") if c]
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    raw = os.path.join(args.out, f"latency-{stamp}")
    os.makedirs(raw, exist_ok=True)
    results = {}  # (recipe, conns, peer) -> [fields per round]
    names = list(servers)
    port = args.port
    for rnd in range(args.rounds):
        order = names[rnd % len(names):] + names[:rnd % len(names)]
        print(f"latency: round {rnd + 1}/{args.rounds}: {', '.join(order)}", file=sys.stderr)
        for name in order:
            port += 1
            with open(os.path.join(raw, f"{name}-r{rnd + 1}.log"), "w") as log:
                proc = start(servers[name], port, log)
                try:
                    for recipe in recipes:
                        for c in conns:
                            wrk(port, PATHS[recipe], c, args.warmup)
                            fields, out = wrk(port, PATHS[recipe], c, args.duration)
                            with open(os.path.join(raw, f"{name}-r{rnd + 1}-{recipe}-c{c}.txt"), "w") as f:
                                f.write(out)
                            results.setdefault((recipe, c, name), []).append(fields)
                            print(f"  {name:14} {recipe:9} c{c:<5} {fields['rps']:>10,.0f} req/s  p50 {ms(fields['p50'])}"
                                  f"  p99 {ms(fields['p99'])}  p99.9 {ms(fields['p999'])}  max {ms(fields['max'])}"
                                  f"  errors {fields['errors']}", file=sys.stderr)
                finally:
                    stop(proc)
    report = summary(args, results, names, recipes, conns, stamp)
    path = os.path.join(args.out, f"latency-{stamp}.md")
    with open(path, "w") as f:
        f.write(report)
    print(report)
    print(f"latency: summary in {path}, raw in {raw}", file=sys.stderr)


def ms(us):
    return f"{us / 1000:.2f}"


def med(rows, key):
    return statistics.median(r[key] for r in rows)


def summary(args, results, names, recipes, conns, stamp):
    env = subprocess.run(["uname", "-r"], capture_output=True, text=True).stdout.strip()
    lines = [f"# Latency run latency-{stamp}" + (f" ({args.label})" if args.label else ""), "",
             f"- {args.rounds} round(s); per run: wrk -t1 -cN --latency --timeout 30s, {args.warmup} s warm-up, "
             f"{args.duration} s measured; server pinned to CPU 0, wrk to CPU 1; kernel {env}",
             f"- command: `benchmarks/latency.sh {' '.join(sys.argv[1:])}`",
             "- medians over the rounds; latency in ms; req/s as median [min-max]", "",
             "| recipe | connections | peer | req/s | p50 | p99 | p99.9 | max | errors |",
             "|---|---:|---|---:|---:|---:|---:|---:|---:|"]
    for recipe in recipes:
        for c in conns:
            for name in names:
                rows = results.get((recipe, c, name), [])
                if not rows:
                    continue
                rps = [r["rps"] for r in rows]
                lines.append(f"| {recipe} | {c} | {name} | {med(rows, 'rps'):,.0f} [{min(rps):,.0f}-{max(rps):,.0f}] | "
                             f"{ms(med(rows, 'p50'))} | {ms(med(rows, 'p99'))} | {ms(med(rows, 'p999'))} | "
                             f"{ms(med(rows, 'max'))} | {sum(r['errors'] for r in rows)} |")
    ref = args.reference
    others = [n for n in names if n != ref]
    if ref in names and others:
        lines += ["", f"Ratio to {ref} (medians; req/s above 1 = faster, latency below 1 = better):", "",
                  "| recipe | connections | peer | req/s | p99 | p99.9 | max |", "|---|---:|---|---:|---:|---:|---:|"]
        for recipe in recipes:
            for c in conns:
                base = results.get((recipe, c, ref))
                if not base:
                    continue
                for name in others:
                    rows = results.get((recipe, c, name))
                    if not rows:
                        continue
                    cells = [f"{med(rows, k) / med(base, k):.2f}" if med(base, k) else "NA"
                             for k in ("rps", "p99", "p999", "max")]
                    lines.append(f"| {recipe} | {c} | {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
