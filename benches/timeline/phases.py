#!/usr/bin/env python3
"""Splits one connection's searches into phases and says what runs in each (see record.sh).

    python3 benches/timeline/phases.py /tmp/pasar-timeline.txt [CLIENT_FD]

Each request goes: A, from reading the client's request to writing the first upstream request;
W, waiting for the marketplaces; B, from reading the first upstream answer to writing the
response; C, until the client's next request. The client's connection is the file descriptor
whose reads start the cycles (the smallest reads, a few hundred bytes); it is guessed unless given.
Prints each phase's median wall time, its CPU samples per request (both workers together) and the
functions most sampled in it.
"""
import collections
import re
import statistics
import sys

LINE = re.compile(r"\s*\S+\s+(\d+)\s+([\d.]+):\s+(\S+):\s*(.*)")


def read(path):
    """Events in time order: (time, kind, fd, bytes or leaf function)."""
    events, entering, sample = [], {}, None
    for line in open(path):
        m = LINE.match(line)
        if not m:
            if sample is not None and line.strip() and sample[3] is None:
                parts = line.strip().split(None, 1)
                sample[3] = re.sub(r"<[^<>]*>", "", parts[1] if len(parts) > 1 else "?")[:100]
            continue
        tid, t, kind, rest = m.groups()
        sample = None
        if "enter_recvfrom" in kind:
            entering[tid] = int(re.search(r"fd: (0x[0-9a-f]+)", rest).group(1), 16)
        elif "exit_recvfrom" in kind:
            read_bytes = int(rest.split()[0], 16)
            fd = entering.pop(tid, None)
            if read_bytes < 2**63 and read_bytes > 0:  # not an error, not end of stream
                events.append([float(t), "read", fd, read_bytes])
        elif "writev" in kind:
            events.append([float(t), "write", int(re.search(r"fd: (0x[0-9a-f]+)", rest).group(1), 16), None])
        else:
            # Without call graphs perf prints the sampled address and function on the same line.
            parts = rest.strip().split(None, 1)
            leaf = re.sub(r"<[^<>]*>", "", parts[1])[:100] if len(parts) > 1 else None
            sample = [float(t), "sample", None, leaf]
            events.append(sample)
    events.sort(key=lambda e: e[0])
    return events


def guess_client(events):
    sizes = collections.defaultdict(list)
    for _, kind, fd, n in events:
        if kind == "read":
            sizes[fd].append(n)
    return min(sizes, key=lambda fd: statistics.median(sizes[fd]))


def main():
    events = read(sys.argv[1])
    client = int(sys.argv[2]) if len(sys.argv) > 2 else guess_client(events)
    phase, started, cycles = None, None, 0
    walls, samples, leaves = collections.defaultdict(list), collections.Counter(), collections.defaultdict(collections.Counter)
    for t, kind, fd, what in events:
        new = None
        if kind == "read" and fd == client:
            new = "A"
        elif kind == "write" and fd != client and phase == "A":
            new = "W"
        elif kind == "read" and fd != client and phase == "W":
            new = "B"
        elif kind == "write" and fd == client:
            new = "C"
        if new and new != phase:
            if started is not None:
                walls[phase].append(t - started)
            cycles += new == "A"
            phase, started = new, t
        if kind == "sample" and phase:
            samples[phase] += 1
            leaves[phase][what or "?"] += 1
    print(f"client fd {client}, {cycles} requests")
    names = {"A": "request read -> first upstream request", "W": "waiting for the marketplaces",
             "B": "first upstream answer -> response written", "C": "response -> next request"}
    for p in "AWBC":
        if not walls[p]:
            continue
        cpu = samples[p] * 0.1 / max(cycles, 1)  # 10 kHz: a sample is 0.1 ms
        print(f"{p} {names[p]}: median {1000 * statistics.median(walls[p]):.3f} ms wall, {cpu:.3f} ms CPU")
        for leaf, n in leaves[p].most_common(10):
            print(f"      {100 * n / samples[p]:5.1f} %  {leaf}")


if __name__ == "__main__":
    main()
