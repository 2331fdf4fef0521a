"""`python -m skill serve`: the web service under gunicorn, with a newcomer's local defaults."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Mapping, MutableMapping

from skill.config import ConfigError, load_settings, parse_bool

APP_FACTORY = "skill.web.app:create_app()"
ACCESS_LOGGER = "skill.web.accesslog.AccessLogger"  # keeps simulator session ids out
# Method, path, status and duration: enough to watch requests arrive, nothing that identifies.
ACCESS_LOG_FORMAT = "%(m)s %(U)s %(s)s %(M)sms"

_BANNER = """
  Hip Helper {version} on http://{host}:{port} ({workers} worker{s})
    Alexa endpoint   POST http://{host}:{port}/alexa
    Health           GET  http://{host}:{port}/health
    Web simulator    {simulator}
"""
_UNVERIFIED = """
  !!! LOCAL DEVELOPMENT: SKILL_ENV was unset, so this server runs with
  !!! SKILL_ENV=development and SKILL_VERIFY_REQUESTS=false. It answers ANY request.
  !!! Real Echo traffic must be verified: set SKILL_ENV=production (see docs/web-service.md).
"""


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Read --host, --port and --workers; argv[0] is the "serve" subcommand itself."""
    parser = argparse.ArgumentParser(prog="python -m skill serve", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=5000, help="port (default 5000)")
    parser.add_argument(
        "--workers", type=int, default=None,
        help="gunicorn workers (default: one per core; one, with threads, while the web "
        "simulator is on, since its conversations live in one process's memory)",
    )
    return parser.parse_args(argv[1:])


def worker_plan(workers: int | None, simulator: bool) -> tuple[int, int]:
    """(processes, threads each): the simulator's sessions need every request in one process."""
    if workers is not None:
        return max(1, workers), 1
    if simulator:
        return 1, 4
    return os.cpu_count() or 1, 1


def local_environment(environ: Mapping[str, str]) -> tuple[dict[str, str], bool]:
    """The child's environment; development settings only when SKILL_ENV was left unset."""
    env = dict(environ)
    if "SKILL_ENV" in env:
        return env, False
    env["SKILL_ENV"] = "development"
    env.setdefault("SKILL_VERIFY_REQUESTS", "false")
    return env, not parse_bool("SKILL_VERIFY_REQUESTS", env["SKILL_VERIFY_REQUESTS"])


def gunicorn_command(args: argparse.Namespace, simulator: bool = False) -> list[str]:
    """gunicorn with the app factory, one process per worker so caches stay per process."""
    workers, threads = worker_plan(args.workers, simulator)
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "--bind",
        f"{args.host}:{args.port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--access-logfile",
        "-",
        "--access-logformat",
        ACCESS_LOG_FORMAT,
        "--logger-class",
        ACCESS_LOGGER,
        "--no-control-socket",
        APP_FACTORY,
    ]


def preflight(
    args: argparse.Namespace, environ: Mapping[str, str]
) -> tuple[dict[str, str], bool, bool]:
    """(child environment, unverified, simulator on), or ConfigError: one line, before gunicorn."""
    from skill.web.startup import check_port, check_service

    env, unverified = local_environment(environ)
    settings = load_settings(environ=env)
    check_service(settings)
    check_port(args.host, args.port)
    return env, unverified, settings.simulator_enabled


def main(argv: list[str]) -> int:
    """Check the settings and the port, print where everything is, then run gunicorn."""
    from skill import __version__

    args = parse_args(argv)
    try:
        env, unverified, simulator = preflight(args, os.environ)
    except ConfigError as exc:
        print(f"hip helper: {exc}", file=sys.stderr)
        return 2
    workers, _ = worker_plan(args.workers, simulator)
    banner = _BANNER.format(
        version=__version__,
        host=args.host,
        port=args.port,
        workers=workers,
        s="" if workers == 1 else "s",
        simulator=f"http://{args.host}:{args.port}/" if simulator else "off (SKILL_SIMULATOR=on)",
    )
    print(banner + (_UNVERIFIED if unverified else ""), flush=True)
    with tempfile.TemporaryDirectory(prefix="hip-helper-") as scratch:
        # one replay memory for every worker: a signed request is answered once, by any of them
        env.setdefault("SKILL_REPLAY_PATH", os.path.join(scratch, "requests.db"))
        return _run(gunicorn_command(args, simulator), env)


def _run(command: list[str], env: MutableMapping[str, str]) -> int:
    """Run gunicorn in the foreground, passing Ctrl-C and SIGTERM on and waiting for its exit."""
    process = subprocess.Popen(command, env=env)
    previous = signal.signal(signal.SIGTERM, lambda *_: process.terminate())
    try:
        while True:
            try:
                return process.wait()
            except KeyboardInterrupt:
                process.send_signal(signal.SIGINT)  # a no-op if the terminal already did
    finally:
        signal.signal(signal.SIGTERM, previous)
