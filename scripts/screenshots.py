"""Redraw the ``post-lint serve`` screenshots in docs/, at desktop and phone widths.

    python scripts/screenshots.py [--out docs] [--measure]

Starts the page on a free loopback port with a demo config (the offline grammar
engine, so the picture does not depend on a LanguageTool server), pastes a draft
with fifteen findings into it in headless Chromium (Debian's ``/usr/bin/chromium``
and ``chromedriver``, or ``$POST_LINT_CHROMIUM`` / ``$POST_LINT_CHROMEDRIVER``;
nothing is downloaded), and saves the whole page at each width:
``docs/serve-desktop.png`` (1280 wide) and ``docs/serve-phone.png`` (390 wide).
``--measure`` only prints the page's height at each width (the compact list's
budget: 15 findings at 1280x800), writing nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must never download a browser or driver
os.environ.setdefault("SE_AVOID_STATS", "true")

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = {"desktop": (1280, 800), "phone": (390, 844)}
CONFIG = '[body]\nname = "City of Anoka"\n\n[grammar]\nengine = "builtin"\n'
# Fifteen findings of several checks: names, contacts, a vote, links, opinions, a typo.
DRAFT = (
    "We ❤️ our volunteers! 🙌 Thanks to Jenny Smith and Bob Jones for helping at the river cleanup.\n"
    "Call Jenny at 763-555-0142 or email jenny.smith@gmail.com for more info.\n"
    "Vote for Mayor Smith in November! Read more at http://bit.ly/abc?utm_source=fb\n"
    "I think the council is a disgrace and definately wrong about this.\n"
    "Join us at 10am, thanks to Maria Lopez and Tom Berg!!\n"
)
WAIT_SECONDS = 60


def _browser():  # noqa: ANN202 (selenium is a test extra: imported here, not at the top)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("POST_LINT_CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"):
        options.add_argument(flag)
    options.add_argument("--force-device-scale-factor=1")
    return webdriver.Chrome(service=Service(os.environ.get("POST_LINT_CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)


def _checked(driver, url: str, size: tuple[int, int]) -> int:  # noqa: ANN001
    """Open the page at ``size``, paste the draft, wait for its findings; the page's height."""
    driver.set_window_size(*size)
    driver.get(url)
    driver.execute_script("localStorage.clear()")
    driver.get(url)
    driver.execute_script(
        "const t = document.getElementById('draft'); t.value = arguments[0];"
        "t.dispatchEvent(new Event('input', {bubbles: true}));",
        DRAFT,
    )
    deadline = time.monotonic() + WAIT_SECONDS
    while not driver.execute_script("return document.getElementById('status').textContent.startsWith('Checked')"):
        if time.monotonic() > deadline:
            raise SystemExit("the page did not finish checking the draft")
        time.sleep(0.2)
    return int(driver.execute_script("return document.body.scrollHeight"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for the pictures (default: docs/)")
    parser.add_argument("--measure", action="store_true", help="only print the page height at each width")
    args = parser.parse_args(argv)
    from post_lint.serve import make_server

    with tempfile.TemporaryDirectory(prefix="post-lint-shots-") as folder:
        Path(folder, ".post-lint.toml").write_text(CONFIG, encoding="utf-8")
        server = make_server("127.0.0.1", 0, folder=folder)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        server.service.warm_up()  # spaCy loads here, not inside the browser's wait
        driver = _browser()
        try:
            for name, size in WIDTHS.items():
                height = _checked(driver, server.url, size)
                findings = driver.execute_script("return document.querySelectorAll('#findings li').length")
                print(f"{name}: {size[0]}x{size[1]}, {findings} findings, page height {height} px")
                if args.measure:
                    continue
                # A name's finding opened: what it says, the policy, the actions, the rule id on demand.
                driver.execute_script(
                    "document.querySelector('#findings li[data-rule=\"names/person\"] details').open = true;"
                    "document.activeElement.blur()"
                )
                driver.set_window_size(size[0], int(driver.execute_script("return document.body.scrollHeight")) + 40)
                args.out.mkdir(parents=True, exist_ok=True)
                driver.save_screenshot(str(args.out / f"serve-{name}.png"))
        finally:
            driver.quit()
            server.shutdown()
            server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
