"""The app's start-up time: `streamlit run` on a warehouse, until the overview page is drawn in headless
Chromium (figures and a chart on screen). `make bench-app [APP_WAREHOUSE=...]` prints it.

Needs Debian's Chromium (/usr/bin/chromium) and Playwright (the project's test extra).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from customer_value.app import MAIN
from customer_value.app.warehouse import WAREHOUSE_ENV
from customer_value.bench.chromium import CHROMIUM, CHROMIUM_ARGS


@dataclass
class Rendered:
    """What the browser saw: seconds from starting the server to the drawn page, the page's text, script
    errors and requests that left the app's server."""

    seconds: float
    text: str
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_and_render(warehouse: Path, screenshot: Path | None = None, timeout: float = 120) -> Rendered:
    """Start the app on `warehouse`, open it in Chromium, wait for the overview, then stop the server."""
    from playwright.sync_api import sync_playwright

    port = _free_port()
    started = time.monotonic()
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("streamlit")), "run", str(MAIN), "--server.port", str(port)],
        cwd=MAIN.parents[2], env={**os.environ, WAREHOUSE_ENV: str(warehouse)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rendered = Rendered(0.0, "")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.on("pageerror", lambda error: rendered.errors.append(str(error)))
                page.on("request", lambda request: None if request.url.startswith(
                    (f"http://localhost:{port}", "data:", "blob:")) else rendered.outside.append(request.url))
                _open(page, f"http://localhost:{port}/", started + timeout)
                page.locator("[data-testid=stMetric]").first.wait_for(timeout=timeout * 1000)
                page.locator(".js-plotly-plot").first.wait_for(timeout=timeout * 1000)
                rendered.seconds = time.monotonic() - started
                rendered.text = page.inner_text("body")
                if screenshot:
                    page.screenshot(path=str(screenshot))
            finally:
                browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return rendered


def _open(page, url: str, deadline: float) -> None:
    """Load the page as soon as the server answers."""
    while True:
        try:
            page.goto(url)
            return
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m customer_value.bench.app_startup")
    parser.add_argument("warehouse", type=Path, help="a warehouse file or a folder of Parquet exports")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--screenshot", type=Path, default=None)
    args = parser.parse_args(argv)
    times = [serve_and_render(args.warehouse, args.screenshot).seconds for _ in range(args.repeat)]
    print(f"app start-up on {args.warehouse}: " + ", ".join(f"{t:.1f} s" for t in times)
          + f" (median {sorted(times)[len(times) // 2]:.1f} s)")


if __name__ == "__main__":
    main()
