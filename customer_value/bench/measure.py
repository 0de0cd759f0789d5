"""Run one command as a child process and measure it: wall time and peak resident memory (from wait4, the
same figure `/usr/bin/time -v` prints as "Maximum resident set size")."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Measurement:
    wall_seconds: float
    peak_rss_bytes: int
    returncode: int
    log: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def failure(self) -> str:
        """What went wrong, in words; '' when the command succeeded."""
        if self.ok:
            return ""
        if self.returncode in (-9, 137):
            return "killed (SIGKILL: out of memory?)"
        return f"failed with exit code {self.returncode} (see {self.log})"


def measure(command: list[str], env: dict[str, str], log: Path, cwd: Path) -> Measurement:
    """Run `command`, its output to `log`; never raises on the command's own failure."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)  # reaped here, with this child's own rusage
        wall = time.perf_counter() - start
    process.returncode = returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait again
    return Measurement(wall, usage.ru_maxrss * 1024, returncode, log)
