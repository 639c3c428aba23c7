"""The query page of `pskg serve` in headless Chromium: pick an example, Run, see the table.

Chromium comes from Debian (scripts/install-browser.sh, run by `make test` as root); this test
runs that script itself when the browser is missing, and skips only if it cannot be installed.
The screenshot goes to build/serve-screenshot.png.
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from servers import ROOT, pskg_server

pytestmark = pytest.mark.browser

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")


def ensure_chromium() -> None:
    if CHROMIUM.exists() and CHROMEDRIVER.exists():
        return
    script = ROOT / "scripts" / "install-browser.sh"
    if os.geteuid() == 0:
        done = subprocess.run([str(script)], capture_output=True, text=True, timeout=900)
        if done.returncode == 0 and CHROMIUM.exists() and CHROMEDRIVER.exists():
            return
        pytest.skip(f"chromium could not be installed by {script.name}: {done.stderr.strip()[-300:]}")
    pytest.skip(f"chromium is missing and this is not root: run sudo {script}")


@pytest.fixture
def browser(tmp_path):
    ensure_chromium()
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service
    os.environ.setdefault("SE_OFFLINE", "true")      # never let Selenium Manager download anything
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,800", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    try:
        yield driver
    finally:
        driver.quit()


def test_query_page_runs_an_example(browser, corpus_build, tmp_path):
    """The bundled graph served with the project's own queries/: the example
    'instruments_of_state' (Kazakhstan from 1992 on, the parameters of its header's example)
    runs and fills the result table."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    from pskg.rdf.export import export

    graph = tmp_path / "pskg.trig"
    export(corpus_build.dataset, "trig", graph)
    with pskg_server("--graph", str(graph), "--queries", str(ROOT / "queries")) as base:
        browser.get(base + "/")
        assert "pskg SPARQL" in browser.title
        browser.find_element(By.ID, "example-instruments_of_state").click()
        text = browser.find_element(By.ID, "query").get_property("value")
        assert "instruments_of_state" in text and "KZ" in text
        browser.find_element(By.ID, "run").click()
        WebDriverWait(browser, 30).until(ec.presence_of_element_located((By.CSS_SELECTOR, "#results tbody tr")))
        headers = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#results th")]
        rows = [[td.text for td in tr.find_elements(By.TAG_NAME, "td")]
                for tr in browser.find_elements(By.CSS_SELECTOR, "#results tbody tr")]
        assert headers[:4] == ["instrument", "kind", "title", "date"]
        dates = {row[3][:10] for row in rows}
        assert "2024-11-08" in dates and min(dates) >= "1992-01-01"   # Ashgabat; from 1992
        assert f"{len(rows)} rows" in browser.find_element(By.ID, "status").text
        shot = ROOT / "build" / "serve-screenshot.png"
        shot.parent.mkdir(exist_ok=True)
        assert browser.save_screenshot(str(shot))
