#!/usr/bin/python3
"""Accelerated soak of the whole show: runs the real `exhibit` headless and drives it like a day at an
expo, sped up, while sampling the process.

What runs: `exhibit --headless --feed simulator --replay-speed SPEED --fixed-dt DT --control ...
--tuio ...`. The simulator then sends one payload per simulated second, SPEED of them per wall
second (72 hours of 1-second updates take 72/SPEED hours), and the show clock advances DT ms per
frame. The driver (this script, Python standard library only) meanwhile:
  - sets a playlist of every scene with a rotation, so scenes rotate on the show clock;
  - every --action-every wall seconds calls the control API in turn: switch scene, standby on/off,
    blackout/show, attract on/off, settings (playlist, rotation), status, metrics, scene list, and
    every tenth call a screenshot of the wall;
  - plays TUIO 1.1 touches over UDP (taps, one-finger drags, two-finger swipes) in bursts, with idle
    stretches between them so attract mode starts by itself;
  - every --sample-every wall seconds writes a CSV row: simulated and wall time, resident memory,
    open fds and threads (from /proc/<pid>), frame p50/p99 and frames, feed messages, touches and
    live GL objects (from /metrics).
At the end it stops exhibit with SIGTERM (a clean exit is part of the check), fits a line to each
series after the warm-up and writes summary.json; scripts/soak.sh plots the CSV.

Usage: bench/soak.py --exhibit build/soak/bin/exhibit --out soak-out --wall-minutes 25 --speed 150
       bench/soak.py --analyze soak-out/soak.csv     # the analysis alone, on an existing CSV
"""

import argparse
import csv
import json
import math
import os
import random
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

COLUMNS = [
    "sim_s", "sim_h", "show_s", "wall_s", "rss_bytes", "fds", "threads", "frame_p50_ms", "frame_p99_ms", "fps",
    "frames", "feed_messages", "feed_rejected", "touches", "gl_objects", "gl_buffers", "gl_textures",
    "gl_vertex_arrays", "api_calls", "api_errors", "scene", "mode",
]
# Series checked for flatness after the warm-up.
FLAT = ["rss_bytes", "fds", "threads", "gl_objects"]


# ---------------------------------------------------------------- OSC / TUIO 1.1 over UDP

def _osc_string(s):
    b = s.encode() + b"\0"
    return b + b"\0" * (-len(b) % 4)


def _osc_message(address, *args):
    tags, data = ",", b""
    for a in args:
        if isinstance(a, str):
            tags, data = tags + "s", data + _osc_string(a)
        elif isinstance(a, int):
            tags, data = tags + "i", data + struct.pack(">i", a)
        else:
            tags, data = tags + "f", data + struct.pack(">f", float(a))
    return _osc_string(address) + _osc_string(tags) + data


def _osc_bundle(messages):
    out = _osc_string("#bundle") + struct.pack(">Q", 1)  # time tag 1: immediately
    for m in messages:
        out += struct.pack(">i", len(m)) + m
    return out


class TuioPlayer(threading.Thread):
    """A TUIO 1.1 tracker: one /tuio/2Dcur bundle (source, alive, set..., fseq) every 1/30 s, idle
    frames included, as real touch frames send them; gestures are queued lists of frames."""

    def __init__(self, port, seed):
        super().__init__(daemon=True)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.target = ("127.0.0.1", port)
        self.rng = random.Random(seed)
        self.fseq = 1
        self.session = 1
        self.frames = []  # list of [(id, x, y)]
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.gestures = 0

    def _send(self, contacts):
        msgs = [_osc_message("/tuio/2Dcur", "source", "soak@localhost"),
                _osc_message("/tuio/2Dcur", "alive", *[c[0] for c in contacts])]
        for cid, x, y in contacts:
            msgs.append(_osc_message("/tuio/2Dcur", "set", cid, x, y, 0.0, 0.0, 0.0))
        msgs.append(_osc_message("/tuio/2Dcur", "fseq", self.fseq))
        self.fseq += 1
        try:
            self.sock.sendto(_osc_bundle(msgs), self.target)
        except OSError:
            pass

    def gesture(self):
        """Queues one tap, drag or two-finger swipe at a random place."""
        r = self.rng
        kind = r.choice(["tap", "tap", "tap", "drag", "swipe"])
        x, y = r.uniform(0.1, 0.9), r.uniform(0.15, 0.85)
        frames = []
        if kind == "tap":
            cid = self._next_id()
            frames = [[(cid, x, y)]] * 3
        elif kind == "drag":
            cid = self._next_id()
            dx, dy = r.uniform(-0.2, 0.2), r.uniform(-0.2, 0.2)
            frames = [[(cid, x + dx * k / 15, y + dy * k / 15)] for k in range(16)]
        else:
            a, b = self._next_id(), self._next_id()
            sign = r.choice([-1, 1])
            frames = [[(a, 0.5 + sign * (0.2 - 0.03 * k), 0.45), (b, 0.5 + sign * (0.2 - 0.03 * k), 0.55)]
                      for k in range(12)]
        with self.lock:
            self.frames.extend(frames + [[]])
        self.gestures += 1

    def _next_id(self):
        self.session += 1
        return self.session

    def run(self):
        while not self.stopping.is_set():
            with self.lock:
                contacts = self.frames.pop(0) if self.frames else []
            self._send(contacts)
            time.sleep(1 / 30)

    def stop(self):
        self.stopping.set()
        self.join(timeout=2)
        self.sock.close()


# ---------------------------------------------------------------- the control API

class Api:
    def __init__(self, port, token):
        self.base = f"http://127.0.0.1:{port}"
        self.token = token
        self.calls = 0
        self.errors = 0
        self.last_error = ""

    def request(self, method, path, body=None, auth=False, timeout=30):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if auth:
            req.add_header("Authorization", "Bearer " + self.token)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        self.calls += 1
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.read()
        except (urllib.error.URLError, OSError) as e:
            self.errors += 1
            self.last_error = f"{method} {path}: {e}"
            return None

    def json(self, path):
        raw = self.request("GET", path)
        return json.loads(raw) if raw else None


def parse_metrics(text):
    """Prometheus text -> {name or name{labels}: value}."""
    out = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        key, _, value = line.rpartition(" ")
        try:
            out[key] = float(value)
        except ValueError:
            pass
    return out


# ---------------------------------------------------------------- /proc

def proc_sample(pid):
    rss = threads = None
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) * 1024
            elif line.startswith("Threads:"):
                threads = int(line.split()[1])
    fds = len(os.listdir(f"/proc/{pid}/fd"))
    return rss, fds, threads


def free_port(kind):
    s = socket.socket(socket.AF_INET, kind)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


# ---------------------------------------------------------------- analysis

def fit(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx > 0 else 0.0
    return slope, my - slope * mx, my


def thirds(n):
    """Index ranges of the first, middle and last third of n samples."""
    cuts = [0, n // 3, 2 * n // 3, n]
    return [(cuts[i], cuts[i + 1]) for i in range(3) if cuts[i + 1] - cuts[i] >= 2]


def analyze(rows, warmup_fraction):
    """Drops the first warmup_fraction of simulated time; per series: slope per simulated hour, the
    mean, the largest deviation from the mean in %, and the change the slope predicts over the
    analysed span in %."""
    rows = [r for r in rows if r.get("rss_bytes") not in ("", None)]
    if len(rows) < 4:
        return {"error": "fewer than 4 samples"}
    end = float(rows[-1]["sim_h"])
    start = end * warmup_fraction
    kept = [r for r in rows if float(r["sim_h"]) >= start]
    result = {"samples": len(rows), "samples_after_warmup": len(kept), "warmup_until_sim_h": round(start, 3),
              "sim_hours": round(end, 3), "wall_seconds": round(float(rows[-1]["wall_s"]), 1),
              "frames": int(float(rows[-1]["frames"] or 0)),
              "feed_messages": int(float(rows[-1]["feed_messages"] or 0)),
              "touches": int(float(rows[-1]["touches"] or 0)), "api_calls": int(float(rows[-1]["api_calls"])),
              "api_errors": int(float(rows[-1]["api_errors"])), "series": {}}
    xs = [float(r["sim_h"]) for r in kept]
    span = xs[-1] - xs[0]
    for name in FLAT:
        ys = [float(r[name]) for r in kept if r.get(name) not in ("", None)]
        if len(ys) != len(xs):
            result["series"][name] = {"measured": False}
            continue
        slope, _, mean = fit(xs, ys)
        dev = max(abs(y - mean) for y in ys) / mean * 100 if mean else 0.0
        result["series"][name] = {
            "measured": True, "mean": round(mean, 1), "min": min(ys), "max": max(ys),
            "slope_per_sim_hour": round(slope, 2),
            "predicted_change_over_span_pct": round(slope * span / mean * 100, 3) if mean else 0.0,
            "max_deviation_pct": round(dev, 3), "flat_within_2pct": dev <= 2.0,
            # Caches rise and fall with what the wall shows; a leak also lifts the peaks.
            "first_quarter_max": max(ys[: max(1, len(ys) // 4)]), "last_quarter_max": max(ys[-max(1, len(ys) // 4):]),
            # A leak keeps its slope; a cache or an allocator settling in has a slope that fades.
            "slope_per_sim_hour_by_third": [round(fit(xs[a:b], ys[a:b])[0], 2) for a, b in thirds(len(ys))],
        }
    for name in ["frame_p50_ms", "frame_p99_ms"]:
        ys = [float(r[name]) for r in kept if r.get(name) not in ("", None)]
        if ys:
            half = len(ys) // 2
            result["series"][name] = {"mean": round(sum(ys) / len(ys), 2), "max": round(max(ys), 2),
                                      "first_half_mean": round(sum(ys[:half]) / max(half, 1), 2),
                                      "second_half_mean": round(sum(ys[half:]) / max(len(ys) - half, 1), 2)}
    return result


def print_summary(s):
    if "error" in s:
        print("soak: analysis:", s["error"])
        return
    print(f"soak: {s['sim_hours']:.2f} simulated hours in {s['wall_seconds'] / 60:.1f} wall minutes; "
          f"{s['frames']} frames, {s['feed_messages']} feed messages, {s['touches']} touches, "
          f"{s['api_calls']} API calls ({s['api_errors']} failed)")
    print(f"soak: after warm-up (from {s['warmup_until_sim_h']:.2f} simulated h, {s['samples_after_warmup']} samples):")
    for name, v in s["series"].items():
        if not v.get("measured", True):
            print(f"  {name:14s} not measured")
        elif "slope_per_sim_hour" in v:
            unit = " bytes" if name == "rss_bytes" else ""
            print(f"  {name:14s} mean {v['mean']:.0f}{unit}, slope {v['slope_per_sim_hour']:+.1f}{unit}/simulated h "
                  f"({v['predicted_change_over_span_pct']:+.3f} % over the run), max deviation "
                  f"{v['max_deviation_pct']:.3f} % -> {'flat within 2 %' if v['flat_within_2pct'] else 'NOT FLAT'}; "
                  f"peak {v['first_quarter_max']:.0f} in the first quarter, {v['last_quarter_max']:.0f} in the last; "
                  f"slope by third {', '.join(f'{t:+.1f}' for t in v['slope_per_sim_hour_by_third'])}{unit}/simulated h")
        else:
            print(f"  {name:14s} mean {v['mean']:.2f} ms, max {v['max']:.2f} ms "
                  f"(first half {v['first_half_mean']:.2f}, second half {v['second_half_mean']:.2f})")


# ---------------------------------------------------------------- the run

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--exhibit", default="build/soak/bin/exhibit")
    p.add_argument("--out", default="soak-out")
    p.add_argument("--wall-minutes", type=float, default=3)
    p.add_argument("--sim-hours", type=float, default=72, help="stop earlier when this much simulated time has passed")
    p.add_argument("--speed", type=float, default=72, help="simulated seconds per wall second (the feed's pace)")
    p.add_argument("--fixed-dt", type=float, default=None,
                   help="show clock ms per frame (default: SPEED x the measured frame time, set after a calibration run)")
    p.add_argument("--size", default="960x540")
    p.add_argument("--sample-every", type=float, default=5, help="wall seconds between samples")
    p.add_argument("--action-every", type=float, default=2, help="wall seconds between API calls")
    p.add_argument("--rotation", type=float, default=600, help="playlist rotation, show seconds")
    p.add_argument("--warmup", type=float, default=0.1, help="fraction of the run left out of the fit")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--analyze", metavar="CSV", help="only analyse an existing CSV")
    a = p.parse_args()

    if a.analyze:
        with open(a.analyze) as f:
            summary = analyze(list(csv.DictReader(f)), a.warmup)
        print_summary(summary)
        return 0

    os.makedirs(a.out, exist_ok=True)
    state = tempfile.mkdtemp(prefix="state-", dir=a.out)
    control, tuio = free_port(socket.SOCK_STREAM), free_port(socket.SOCK_DGRAM)
    fixed_dt = a.fixed_dt if a.fixed_dt else calibrate(a)
    cmd = [a.exhibit, "--headless", "--size", a.size, "--fixed-dt", f"{fixed_dt:g}", "--seconds", "1e7",
           "--feed", "simulator", "--replay-speed", f"{a.speed:g}", "--seed", str(a.seed),
           "--control", f"127.0.0.1:{control}", "--state-dir", state, "--tuio", str(tuio),
           "--screenshot", os.path.join(a.out, "last-frame.png")]
    print("soak:", " ".join(cmd), flush=True)
    log = open(os.path.join(a.out, "exhibit.log"), "w")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
    started = time.monotonic()

    token_file = os.path.join(state, "control-token")
    api = None
    while time.monotonic() - started < 120:
        if proc.poll() is not None:
            print(f"soak: exhibit exited at start with {proc.returncode}; see {a.out}/exhibit.log")
            return 1
        if os.path.exists(token_file):
            api = Api(control, open(token_file).read().strip())
            if api.json("/api/status"):
                break
        time.sleep(0.2)
    else:
        print("soak: the control API did not answer within 120 s")
        proc.kill()
        return 1

    scenes = [s["id"] for s in api.json("/api/scenes")]
    api.request("PUT", "/api/settings", {"playlist": scenes, "rotationSeconds": a.rotation}, auth=True)
    touch = TuioPlayer(tuio, a.seed)
    touch.start()
    rng = random.Random(a.seed)

    # Standby and blackout last one action each: frames there are cheap, so the show clock races.
    actions = [
        lambda: api.request("POST", "/api/scene", {"id": rng.choice(scenes)}, auth=True),
        lambda: api.request("POST", "/api/standby", {"on": True}, auth=True),
        lambda: api.request("POST", "/api/standby", {"on": False}, auth=True),
        lambda: api.json("/api/status"),
        lambda: api.request("POST", "/api/attract", {"on": True}, auth=True),
        lambda: api.request("GET", "/metrics"),
        lambda: api.json("/api/scenes"),
        lambda: api.request("POST", "/api/mode", {"mode": "blackout"}, auth=True),
        lambda: api.request("POST", "/api/mode", {"mode": "show"}, auth=True),
        lambda: api.request("PUT", "/api/settings",
                            {"playlist": rng.sample(scenes, len(scenes)), "rotationSeconds": a.rotation}, auth=True),
        lambda: api.request("POST", "/api/attract", {"on": False}, auth=True),
        lambda: api.request("GET", "/api/screenshot.png", auth=True),
    ]

    csv_path = os.path.join(a.out, "soak.csv")
    rows = []
    out = open(csv_path, "w", newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    next_sample = next_action = time.monotonic()
    action = 0
    stop_wall = a.wall_minutes * 60
    try:
        while proc.poll() is None:
            now = time.monotonic()
            wall = now - started
            sim = wall * a.speed
            if wall >= stop_wall or sim >= a.sim_hours * 3600:
                break
            if now >= next_action:
                next_action += a.action_every
                actions[action % len(actions)]()
                action += 1
                # Touch in bursts: 20 s of gestures, then 40 s idle (attract starts by itself).
                if wall % 60 < 20:
                    touch.gesture()
            if now >= next_sample:
                next_sample += a.sample_every
                row = sample(proc.pid, api, wall, sim, fixed_dt)
                row["api_calls"], row["api_errors"] = api.calls, api.errors
                rows.append(row)
                writer.writerow(row)
                out.flush()
                if len(rows) % 12 == 1:
                    print(f"soak: wall {wall:7.0f} s  sim {sim / 3600:6.2f} h  rss {row['rss_bytes'] / 2**20:7.1f} MiB  "
                          f"fds {row['fds']}  threads {row['threads']}  gl {row['gl_objects']}  "
                          f"p50 {row['frame_p50_ms']} ms  p99 {row['frame_p99_ms']} ms  scene {row['scene']} "
                          f"{row['mode']}", flush=True)
            time.sleep(max(0.0, min(next_action, next_sample) - time.monotonic()))
    finally:
        touch.stop()
        out.close()
        running = proc.poll() is None
        if running:
            proc.send_signal(signal.SIGTERM)
        try:
            code = proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = "killed after 60 s"
        log.close()

    summary = analyze(rows, a.warmup)
    summary.update({"speed": a.speed, "fixed_dt_ms": fixed_dt, "size": a.size, "exit_code": code,
                    "exited_by_itself": not running, "last_api_error": api.last_error,
                    "touch_gestures": touch.gestures})
    with open(os.path.join(a.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
    print_summary(summary)
    print(f"soak: exhibit exit code {code}{' (it stopped by itself!)' if not running else ''}; "
          f"CSV {csv_path}, summary {a.out}/summary.json")
    return 0 if code == 0 and running else 1


def sample(pid, api, wall, sim, fixed_dt):
    rss, fds, threads = proc_sample(pid)
    row = {"sim_s": round(sim, 1), "sim_h": round(sim / 3600, 5), "wall_s": round(wall, 2), "rss_bytes": rss,
           "fds": fds, "threads": threads}
    raw = api.request("GET", "/metrics")
    m = parse_metrics(raw.decode()) if raw else {}
    def get(key, scale=1.0, digits=3):
        return round(m[key] * scale, digits) if key in m else ""
    row["frame_p50_ms"] = get("exhibit_frame_time_p50_seconds", 1000)
    row["frame_p99_ms"] = get("exhibit_frame_time_p99_seconds", 1000)
    row["fps"] = get("exhibit_fps", 1, 2)
    row["frames"] = get("exhibit_frames_total", 1, 0)
    row["show_s"] = round(row["frames"] * fixed_dt / 1000, 1) if row["frames"] != "" else ""
    row["feed_messages"] = sum(v for k, v in m.items() if k.startswith("exhibit_feed_messages_total"))
    row["feed_rejected"] = sum(v for k, v in m.items() if k.startswith("exhibit_feed_rejected_total"))
    row["touches"] = get("exhibit_touches_total", 1, 0)
    gl = {k.split('"')[1]: v for k, v in m.items() if k.startswith("exhibit_gl_objects{")}
    row["gl_objects"] = int(sum(gl.values())) if gl else ""
    row["gl_buffers"] = int(gl.get("buffer", 0)) if gl else ""
    row["gl_textures"] = int(gl.get("texture", 0)) if gl else ""
    row["gl_vertex_arrays"] = int(gl.get("vertex_array", 0)) if gl else ""
    row["scene"] = next((k.split('"')[1] for k, v in m.items() if k.startswith("exhibit_scene_info{") and v == 1), "")
    row["mode"] = next((k.split('"')[1] for k, v in m.items() if k.startswith("exhibit_wall_mode{") and v == 1), "")
    return row


def calibrate(a):
    """Measures the frame time of the show at this size (a 40-frame headless run) and returns the
    fixed dt that makes the show clock keep pace with the feed: SPEED x frame time."""
    cmd = [a.exhibit, "--headless", "--size", a.size, "--frames", "40", "--feed", "simulator",
           "--tuio", "0", "--state-dir", tempfile.mkdtemp(prefix="calib-", dir=a.out),
           "--screenshot", os.path.join(a.out, "calibration.png")]
    t0 = time.monotonic()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    t1 = time.monotonic()
    subprocess.run(cmd[:5] + ["1"] + cmd[6:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    per_frame = max(0.005, ((t1 - t0) - (time.monotonic() - t1)) / 39)
    dt = min(10000.0, round(a.speed * per_frame * 1000, 1))
    print(f"soak: calibration: {per_frame * 1000:.1f} ms per frame at {a.size} -> --fixed-dt {dt:g} ms "
          f"(show clock about as fast as the feed at {a.speed:g}x)", flush=True)
    return dt


if __name__ == "__main__":
    sys.exit(main())
