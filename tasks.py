"""
Set up the development environment and run antq's jobs; needs only Python 3.11+.

    python3 tasks.py report    # set up, then report on the bundled example dataset
    python3 tasks.py check     # set up, then run every check CI runs
    python3 tasks.py units     # development only: cross-check the bundled units

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


#: The cross-check's reference, GPL-licensed and for Python 3.12+: never a dependency of antq.
REFERENCE = "vietnam-provinces==2026.9.0"
UNITS_VENV = ROOT / ".venv-units"


def units() -> int:
    """
    Cross-check the bundled units against vietnam-provinces, in a venv of their own.

    Needs a Python 3.12 or newer: the one running this script, or the one named by the
    environment variable ``ANTQ_PYTHON312``.
    """
    python = UNITS_VENV / ("Scripts" if os.name == "nt" else "bin") / "python"
    if not python.exists():
        base = os.environ.get("ANTQ_PYTHON312", sys.executable)
        if run([base, "-m", "venv", str(UNITS_VENV)]) != 0:
            sys.exit(f"tasks: cannot create {UNITS_VENV} with {base}")
        if run([str(python), "-m", "pip", "install", "-q", REFERENCE]) != 0:
            sys.exit(f"tasks: cannot install {REFERENCE} (it needs Python 3.12+)")
    return run([str(python), "scripts/check_units.py"])


def main(argv: list[str]) -> int:
    """
    Run the job named in *argv*.
    """
    jobs = {"report": report, "check": check, "units": units}
    if len(argv) != 1 or argv[0] not in jobs:
        print(f"usage: python3 tasks.py {{{','.join(jobs)}}}", file=sys.stderr)
        return 2
    if argv[0] != "units":
        setup()
    return jobs[argv[0]]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
