"""The browser the project drives: Debian's Chromium, headless, with every request kept on this machine.

One place for the form screenshots (:mod:`etalase.authoring.form_screenshots`), the
tests and the benchmarks. Playwright never downloads a browser of its own;
it is pointed at :data:`CHROMIUM`. The flags turn off what would reach out
(background networking, component updates, sync, QUIC) and the GPU.
"""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
