#!/usr/bin/env python3
"""What a Redis hit costs over a moka hit, end to end, on a release build.

Starts redis-server, `pasar sandbox` (ports 9300-9304) and two `pasar serve --config` instances
sharing the Redis. For each of N distinct searches, A fetches it (cold); then B asks it twice with
two different selections, so the second is not a replayed response: the first is served from
Redis (B's moka is empty), the second from B's moka. Prints p50/p90/p99 of both, in ms.
Usage: benches/instances/redis_hit.py target/release/pasar [N]
"""
import http.client, json, os, socket, statistics, subprocess, sys, tempfile, time

binary = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
ids = ["mbiz", "jatim-bejo", "ekatalog", "padi-umkm", "bela"]

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def wait(port):
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"nothing on port {port}")

procs = []
try:
    redis_port = free_port()
    procs.append(subprocess.Popen(["redis-server", "--port", str(redis_port), "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL))
    procs.append(subprocess.Popen([binary, "sandbox", "--listen", "127.0.0.1:9300"], stdout=subprocess.DEVNULL))
    wait(redis_port); [wait(9300 + i) for i in range(len(ids))]
    env = dict(os.environ, MBIZ_TOKEN="sandbox-mbiz-token", EKATALOG_API_KEY="sandbox-ekatalog-key", RUST_LOG="warn")
    ports = []
    for _ in range(2):
        port = free_port(); ports.append(port)
        text = f'listen = "127.0.0.1:{port}"\n[egress]\nallow_private = true\n[limits.rate]\nper_second = 100000\nburst = 100000\n'
        text += f'[cache.redis]\nurl = "redis://127.0.0.1:{redis_port}"\n'
        for i, m in enumerate(ids):
            text += f'[marketplaces.{m}]\nbase_url = "http://127.0.0.1:{9300 + i}"\n'
        f = tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False); f.write(text); f.close()
        procs.append(subprocess.Popen([binary, "serve", "--config", f.name], env=env, stdout=subprocess.DEVNULL))
        wait(port)
    a, b = (http.client.HTTPConnection("127.0.0.1", p) for p in ports)

    def ask(conn, query, fields):
        body = json.dumps({"query": f'query($q: String!) {{ search(query: $q, first: 20) {{ {fields} }} }}', "variables": {"q": query}})
        start = time.perf_counter()
        conn.request("POST", "/graphql", body, {"content-type": "application/json"})
        answer = json.loads(conn.getresponse().read())
        return (time.perf_counter() - start) * 1000, answer

    words = ["kertas", "toner", "pulpen", "map", "printer", "kursi", "meja", "laptop", "tinta", "amplop"]
    redis_hits, moka_hits = [], []
    for i in range(count):
        query = f"{words[i % len(words)]} {i}"
        ask(a, query, "complete")
        time.sleep(0.005)  # A's pages reach Redis in the background
        t1, r1 = ask(b, query, "complete sources { cache } offers { edges { node { id } } }")
        t2, r2 = ask(b, query, "complete offers { edges { node { id } } } sources { cache }")
        caches = {s["cache"] for s in r1["data"]["search"]["sources"]} | {s["cache"] for s in r2["data"]["search"]["sources"]}
        if caches != {"HIT"}:
            raise SystemExit(f"expected hits only, got {caches}")
        redis_hits.append(t1); moka_hits.append(t2)
    def q(xs, p): return sorted(xs)[min(len(xs) - 1, int(p * len(xs)))]
    for name, xs in [("redis hit", redis_hits), ("moka hit", moka_hits)]:
        print(f"{name:10} n={len(xs)} p50={q(xs, .5):.2f} ms p90={q(xs, .9):.2f} ms p99={q(xs, .99):.2f} ms mean={statistics.mean(xs):.2f} ms")
    print(f"extra for a Redis hit: p50 {q(redis_hits, .5) - q(moka_hits, .5):.2f} ms; load average {os.getloadavg()[0]:.2f}")
finally:
    for p in procs:
        p.kill()
