"""
Set up the development environment and run antq's jobs; needs only Python 3.11+.

    python3 tasks.py report    # set up, then report on the bundled example dataset
    python3 tasks.py check     # set up, then run every check CI runs

Set-up creates ``.venv`` beside this file (once) and installs antq in editable mode
with its ``dev`` dependency group; later runs reuse it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")

CHECKS: list[tuple[str, list[str]]] = [
    ("ruff lint", ["ruff", "check", "."]),
    ("ruff format", ["ruff", "format", "--check", "."]),
    ("mypy", ["mypy"]),
    ("docs", ["sphinx-build", "-n", "-W", "--keep-going", "-q", "-E", "docs", "docs/_build/html"]),
    ("tests", ["pytest", "--cov", "--cov-branch", "--cov-report=term-missing"]),
]


def run(command: list[str]) -> int:
    """
    Run *command* from the project root with the environment's tools first on PATH.
    """
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    env.pop("PYTHONPATH", None)
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


def setup() -> None:
    """
    Create ``.venv`` if needed and install antq with its development tools.
    """
    python = BIN / "python"
    if not python.exists():
        print(f"tasks: creating {VENV}", flush=True)
        venv.create(VENV, with_pip=True)
    # Dependency groups need pip 25.1 or newer.
    steps = [
        [str(python), "-m", "pip", "install", "-q", "--upgrade", "pip>=25.1"],
        [str(python), "-m", "pip", "install", "-q", "-e", ".[testing]", "--group", "dev"],
    ]
    for step in steps:
        if run(step) != 0:
            sys.exit(f"tasks: set-up failed: {' '.join(step)}")


def report() -> int:
    """
    Run the main job: the report on the bundled example dataset.
    """
    return run(["antq", "report"])


def check() -> int:
    """
    Run every check; report each one and fail if any failed.
    """
    failed = []
    for name, command in CHECKS:
        print(f"tasks: {name}: {' '.join(command)}", flush=True)
        if run(command) != 0:
            failed.append(name)
    if failed:
        print(f"tasks: FAILED: {', '.join(failed)}", flush=True)
        return 1
    print("tasks: every check passed", flush=True)
    return 0


def main(argv: list[str]) -> int:
    """
    Run the job named in *argv*.
    """
    jobs = {"report": report, "check": check}
    if len(argv) != 1 or argv[0] not in jobs:
        print(f"usage: python3 tasks.py {{{','.join(jobs)}}}", file=sys.stderr)
        return 2
    setup()
    return jobs[argv[0]]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
