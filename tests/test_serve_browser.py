"""The ``post-lint serve`` page in a real browser: headless Chromium from the system's packages.

Driven with Selenium pointed at Debian's ``/usr/bin/chromium`` and
``/usr/bin/chromedriver`` (``apt-get install chromium chromium-driver``);
nothing downloads a browser or a driver (Selenium Manager is kept offline).
Skips, saying why, when no browser is installed. Other paths can be given with
``POST_LINT_CHROMIUM`` and ``POST_LINT_CHROMEDRIVER``.

``python scripts/screenshots.py`` redraws the screenshots in docs/ (desktop and phone widths).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Selenium Manager must never go to the network for a browser or a driver.
os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")

BROWSER_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
DRIVER_CANDIDATES = ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
WAIT_SECONDS = 20  # generous: the first check may load spaCy

# Breaks the emoji check's rules only: an emoji standing in for a word ("love").
DRAFT = "We ❤️ our volunteers! Thanks for all you do."


def _first_existing(env_name: str, candidates: tuple[str, ...]) -> str | None:
    chosen = os.environ.get(env_name)
    if chosen:
        return chosen if os.access(chosen, os.X_OK) else None
    return next((path for path in candidates if os.access(path, os.X_OK)), None)


CHROMIUM = _first_existing("POST_LINT_CHROMIUM", BROWSER_CANDIDATES)
CHROMEDRIVER = _first_existing("POST_LINT_CHROMEDRIVER", DRIVER_CANDIDATES) or shutil.which("chromedriver")

if CHROMIUM is None or CHROMEDRIVER is None:
    pytest.skip(
        f"no Chromium browser and driver installed (browser: {CHROMIUM or 'not found'}, driver: {CHROMEDRIVER or 'not found'}; "
        "looked for $POST_LINT_CHROMIUM, /usr/bin/chromium, $POST_LINT_CHROMEDRIVER, /usr/bin/chromedriver): "
        "install them with 'apt-get install chromium chromium-driver' to run the browser test",
        allow_module_level=True,
    )

webdriver = pytest.importorskip("selenium.webdriver", reason="Selenium is not installed: pip install selenium")
from conftest import serving  # noqa: E402
from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

from post_lint.serve import PostLintServer  # noqa: E402


def _serve(select: list[str] | None, folder: str) -> AbstractContextManager[PostLintServer]:
    return serving(folder, select=select)


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    # Only the emoji check: this test is about the page, not about which checks are finished.
    with _serve(["emoji"], str(tmp_path_factory.mktemp("drafts"))) as server:
        yield server.url


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions",
        "--no-first-run",
        "--no-default-browser-check",
        "--hide-scrollbars",
        "--window-size=1280,900",
        "--force-device-scale-factor=1",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    try:
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    except Exception as exc:  # installed but broken (say, a driver of another version): say so once, plainly
        pytest.fail(f"Chromium ({CHROMIUM}) is installed but did not start with {CHROMEDRIVER}: {type(exc).__name__}: {exc}")
    driver.set_page_load_timeout(WAIT_SECONDS)
    try:
        yield driver
    finally:
        driver.quit()


def _wait(driver: webdriver.Chrome, condition, what: str):  # noqa: ANN001
    try:
        return WebDriverWait(driver, WAIT_SECONDS).until(condition)
    except TimeoutException:
        raise AssertionError(f"timed out waiting for {what}") from None


def _open(browser: webdriver.Chrome, url: str) -> None:
    browser.get(url)
    browser.execute_script("localStorage.clear()")
    browser.get(url)
    _wait(
        browser, lambda d: d.execute_script("return document.documentElement.classList.contains('js-ready')"), "the page's script"
    )


def _inline_mark(browser: webdriver.Chrome):  # noqa: ANN202
    return _wait(
        browser,
        EC.presence_of_element_located((By.CSS_SELECTOR, '#mirror mark[data-rules~="emoji/inline"]')),
        "the emoji/inline highlight",
    )


def _set_draft(browser: webdriver.Chrome, text: str) -> None:
    """Put text in the draft as a paste would (send_keys cannot type characters outside the BMP)."""
    browser.execute_script(
        "const t = document.getElementById('draft'); t.focus(); t.value = arguments[0];"
        "t.dispatchEvent(new Event('input', {bubbles: true}));",
        text,
    )


def test_page_has_labelled_draft_box_profile_switch_and_privacy_note(browser: webdriver.Chrome, url: str) -> None:
    _open(browser, url)
    draft = browser.find_element(By.ID, "draft")
    label = browser.find_element(By.CSS_SELECTOR, "label[for='draft']")
    assert label.text == "Your draft"
    assert draft.get_attribute("aria-describedby")
    profiles = browser.find_elements(By.CSS_SELECTOR, "input[name='profile']")
    assert [p.get_attribute("value") for p in profiles] == ["official", "personal"]
    assert "never leaves" in browser.find_element(By.ID, "privacy").text
    assert browser.find_element(By.ID, "verdict").get_attribute("aria-live") == "polite"
    # The platform picker is labelled, and the count it drives is part of the draft's description.
    assert browser.find_element(By.CSS_SELECTOR, "label[for='platform']").text == "Platform"
    assert "count" in draft.get_attribute("aria-describedby").split()
    # Focus order follows the page: profile, format, platform, then the draft.
    order = browser.execute_script(
        "return [...document.querySelectorAll('#panel-draft input, #panel-draft select, #panel-draft textarea')]"
        ".filter((e) => e.tabIndex >= 0).map((e) => e.name)"
    )
    assert [n for i, n in enumerate(order) if n not in order[:i]] == ["profile", "format", "platform", "draft"]


def test_typed_draft_is_highlighted_and_one_click_applies_the_suggestion(browser: webdriver.Chrome, url: str) -> None:
    _open(browser, url)
    draft = browser.find_element(By.ID, "draft")
    draft.send_keys(DRAFT)

    mark = _inline_mark(browser)
    assert mark.get_attribute("textContent") == "❤️"
    item = browser.find_element(By.CSS_SELECTOR, '#findings .finding[data-rule="emoji/inline"]')
    assert "screen readers read each emoji" in item.find_element(By.CLASS_NAME, "message").get_attribute("textContent")
    assert "limiting the use of emoji" in item.find_element(By.CLASS_NAME, "policy").get_attribute("textContent")
    verdict = browser.find_element(By.ID, "verdict")
    assert "1 warning to review" in verdict.text

    # Pointing at the highlight shows the message, the policy clause and the suggestion.
    ActionChains(browser).move_to_element(mark).perform()
    card = _wait(browser, EC.visibility_of_element_located((By.ID, "card")), "the card at the highlight")
    assert "write the word" in card.text
    assert "Improve content accessibility by limiting the use of emoji." in card.text
    button = card.find_element(By.CSS_SELECTOR, "button.suggestion")
    assert button.text == "Replace with “love”"
    button.click()

    assert draft.get_attribute("value") == DRAFT.replace("❤️", "love")
    _wait(browser, lambda d: "Ready to publish" in verdict.text, "the verdict 'Ready to publish'")
    assert not browser.find_elements(By.CSS_SELECTOR, "#mirror mark")


def test_highlight_lands_on_the_emoji_after_characters_outside_the_bmp(browser: webdriver.Chrome, url: str) -> None:
    # 🎉 is two UTF-16 units but one code point: the server's offsets are code points.
    _open(browser, url)
    text = "🎉 Party time! We ❤️ our volunteers and thank everyone who helped at the river cleanup on Saturday morning."
    _set_draft(browser, text)
    mark = _inline_mark(browser)
    assert mark.get_attribute("textContent") == "❤️"
    assert len(browser.find_elements(By.CSS_SELECTOR, "#mirror mark")) == 1


def test_suggestion_can_be_applied_with_the_keyboard_alone(browser: webdriver.Chrome, url: str) -> None:
    _open(browser, url)
    text = "🚒 Open house at Station 1: come 🏃 with us on Saturday and meet the crew."
    _set_draft(browser, text)
    _wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "#findings button.show")), "the list of findings")
    item = browser.find_element(By.CSS_SELECTOR, '#findings .finding[data-rule="emoji/inline"]')
    item.find_element(By.TAG_NAME, "summary").send_keys(Keys.ENTER)  # the details open from the keyboard
    show = item.find_element(By.CSS_SELECTOR, "button.show")
    show.send_keys(Keys.ENTER)  # moves the cursor into the highlight; the card opens
    card = _wait(browser, EC.visibility_of_element_located((By.ID, "card")), "the card at the cursor")
    draft = browser.find_element(By.ID, "draft")
    assert browser.switch_to.active_element == draft
    draft.send_keys(Keys.TAB)  # from the draft, Tab reaches the card's suggestion
    active = browser.switch_to.active_element
    assert active.get_attribute("data-suggestion") == "run"
    assert card.is_displayed()
    active.send_keys(Keys.ENTER)
    assert draft.get_attribute("value") == text.replace("🏃", "run")


def test_switching_profile_checks_again_without_typing(browser: webdriver.Chrome, url: str) -> None:
    _open(browser, url)
    _set_draft(browser, DRAFT)
    _inline_mark(browser)
    status = browser.find_element(By.ID, "status")
    browser.execute_script("document.getElementById('status').textContent = ''")
    browser.find_element(By.CSS_SELECTOR, "input[name='profile'][value='personal']").click()
    _wait(browser, lambda d: status.text.startswith("Checked in"), "a new check after the profile switch")
    _inline_mark(browser)


def test_highlights_stay_on_their_words_while_typing_before_them(browser: webdriver.Chrome, url: str) -> None:
    _open(browser, url)
    _set_draft(browser, DRAFT)
    _inline_mark(browser)
    # Typed and read back in one go, before the next check can answer: the marks were moved, not re-fetched.
    shown = browser.execute_script(
        "const t = document.getElementById('draft'); t.focus(); t.setSelectionRange(0, 0);"
        "document.execCommand('insertText', false, '🎉 Hello! ');"
        "return [...document.querySelectorAll('#mirror mark')].map((m) => m.textContent);"
    )
    assert shown == ["❤️"]
    _wait(browser, lambda d: d.find_element(By.ID, "status").text.startswith("Checked in"), "the next check")
    assert [m.get_attribute("textContent") for m in browser.find_elements(By.CSS_SELECTOR, "#mirror mark")] == ["❤️"]


def test_checks_that_did_not_run_are_shown_loudly(browser: webdriver.Chrome, tmp_path_factory: pytest.TempPathFactory) -> None:
    with _serve(["emoji"], str(tmp_path_factory.mktemp("skips"))) as server:
        real_check = server.service.check

        def with_a_skip(text: str, profile: str | None = None, fmt: str | None = None, **extra: object) -> str:
            report = json.loads(real_check(text, profile, fmt, **extra))  # type: ignore[arg-type]
            report["skipped"].append({"check": "grammar", "reason": "LanguageTool is not installed"})
            return json.dumps(report)

        server.service.check = with_a_skip  # type: ignore[method-assign]
        _open(browser, server.url)
        _set_draft(browser, "The splash pad at Castle Field Park opens Saturday at 10 a.m.")
        box = _wait(browser, EC.visibility_of_element_located((By.ID, "skipped")), "the skipped-checks box")
        assert "1 check did not run" in box.text and "grammar" in box.text
        verdict = browser.find_element(By.ID, "verdict").text
        assert "not every check ran" in verdict and "Ready to publish" not in verdict


# -- the "Moderate comments" tab --------------------------------------------------------------

COMMENTS_CONFIG = '[body]\nname = "City of Anoka"\nofficials = ["Mayor Erik Skogquist", "Councilmember Jeff Weaver"]\n'
EXPORT = (
    "id,author,text\n"
    "c1,Ann,The council's vote was wrong and everyone in this town knows it.\n"
    "c2,Bob,Mayor Skogquist is an idiot.\n"
    "c3,Cy,Councilmember Weaver takes kickbacks from the hauling company.\n"
    "c4,Dee,Thanks for posting the budget documents.\n"
)


@pytest.fixture(scope="module")
def comments_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("moderation")
    (folder / ".post-lint.toml").write_text(COMMENTS_CONFIG, encoding="utf-8")
    with _serve(None, str(folder)) as server:
        server.service.comments("text\nWarming up.\n")  # spaCy loads here, not inside the browser's wait
        yield server.url


def _comments_tab(browser: webdriver.Chrome, url: str) -> None:
    _open(browser, url)
    browser.find_element(By.ID, "tab-comments").click()
    _wait(browser, EC.visibility_of_element_located((By.ID, "export")), "the comments tab")


def _rows(browser: webdriver.Chrome) -> list[tuple[str, str]]:
    return [
        (row.get_attribute("data-row"), row.get_attribute("data-verdict"))
        for row in browser.find_elements(By.CSS_SELECTOR, "#comments-body tr")
    ]


def test_the_comments_tab_is_a_keyboard_tab_beside_the_draft(browser: webdriver.Chrome, comments_url: str) -> None:
    _open(browser, comments_url)
    draft_tab, comments_tab = browser.find_elements(By.CSS_SELECTOR, '[role="tab"]')
    assert (draft_tab.text, comments_tab.text) == ("Check a draft", "Moderate comments")
    assert not browser.find_element(By.ID, "panel-comments").is_displayed()
    draft_tab.send_keys(Keys.ARROW_RIGHT)
    assert comments_tab.get_attribute("aria-selected") == "true"
    assert browser.switch_to.active_element == comments_tab
    assert browser.find_element(By.ID, "panel-comments").is_displayed()
    assert not browser.find_element(By.ID, "panel-draft").is_displayed()
    assert browser.find_element(By.CSS_SELECTOR, "label[for='export']").text == "Comments export"
    comments_tab.send_keys(Keys.ARROW_LEFT)
    assert browser.find_element(By.ID, "draft").is_displayed()


def test_a_pasted_export_gets_the_table_with_verdicts_reasons_and_the_words(browser: webdriver.Chrome, comments_url: str) -> None:
    _comments_tab(browser, comments_url)
    browser.execute_script("document.getElementById('export').value = arguments[0]", EXPORT)
    browser.find_element(By.ID, "moderate").click()
    _wait(browser, lambda d: _rows(d), "the table of verdicts")
    assert _rows(browser) == [("2", "hide"), ("3", "review")]  # hide first; the kept ones on demand
    summary = browser.find_element(By.ID, "comments-summary").text
    assert "1 comment to hide, 1 comment to review" in summary and "4 comments checked; 2 to keep." in summary

    hide = browser.find_element(By.CSS_SELECTOR, '#comments-body tr[data-verdict="hide"]')
    assert hide.find_element(By.CSS_SELECTOR, "td.author").text == "Bob"
    assert [m.text for m in hide.find_elements(By.CSS_SELECTOR, "mark.trigger")] == ["idiot"]
    reasons = hide.find_element(By.CSS_SELECTOR, "td.reasons").text
    assert "Personal attacks, insults, or threatening language directed at city staff or elected officials" in reasons
    review = browser.find_element(By.CSS_SELECTOR, '#comments-body tr[data-verdict="review"]')
    assert (
        "Potentially libelous comments" in review.text
        and review.find_element(By.CSS_SELECTOR, "mark.trigger").text == "kickbacks"
    )

    browser.find_element(By.ID, "show-kept").click()
    assert _rows(browser) == [("2", "hide"), ("3", "review"), ("1", "keep"), ("4", "keep")]


def test_a_dropped_file_is_read_and_checked(browser: webdriver.Chrome, comments_url: str) -> None:
    _comments_tab(browser, comments_url)
    lines = '{"id": "j1", "author": "Eve", "text": "Earn $5,000 a week from home! DM me to learn how."}\n'
    browser.execute_script(
        "const data = new DataTransfer();"
        "data.items.add(new File([arguments[0]], 'export.jsonl', {type: 'application/json'}));"
        "document.getElementById('drop').dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true}));",
        lines,
    )
    _wait(browser, lambda d: _rows(d) == [("1", "hide")], "the dropped export's verdict")
    assert "Read export.jsonl." in browser.find_element(By.ID, "export-name").text
    assert "Commercial promotions or spam" in browser.find_element(By.CSS_SELECTOR, "#comments-body td.reasons").text


def test_an_export_without_a_text_column_says_so(browser: webdriver.Chrome, comments_url: str) -> None:
    _comments_tab(browser, comments_url)
    browser.execute_script("document.getElementById('export').value = 'id,who\\n1,Ann\\n'")
    browser.find_element(By.ID, "moderate").click()
    box = _wait(browser, EC.visibility_of_element_located((By.ID, "comments-errors")), "the error box")
    assert "comments.csv: no column holds the comment text" in box.text
    assert not browser.find_element(By.ID, "comments-table").is_displayed()


# -- plain words, a compact list, the platform's count, the engine, exceptions ------------------

# Fifteen findings of several checks (as scripts/screenshots.py draws): names, contacts, a vote, links, opinions, a typo.
FIFTEEN = (
    "We ❤️ our volunteers! 🙌 Thanks to Jenny Smith and Bob Jones for helping at the river cleanup.\n"
    "Call Jenny at 763-555-0142 or email jenny.smith@gmail.com for more info.\n"
    "Vote for Mayor Smith in November! Read more at http://bit.ly/abc?utm_source=fb\n"
    "I think the council is a disgrace and definately wrong about this.\n"
    "Join us at 10am, thanks to Maria Lopez and Tom Berg!!\n"
)
CITY = '[body]\nname = "City of Anoka"\n\n[grammar]\nengine = "builtin"\n'
WIDTHS = {"desktop": (1280, 800), "phone": (390, 844)}
# document.body.scrollHeight for FIFTEEN; before the compact list it was 6,355 px (desktop) and 8,577 px (phone).
HEIGHT_BUDGET = {"desktop": 2000, "phone": 3500}  # now about 1,525 and 2,771


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PostLintServer]:
    folder = tmp_path_factory.mktemp("city")
    config = folder / "city.toml"
    config.write_text(CITY, encoding="utf-8")
    with _serve_config(str(folder), str(config)) as server:
        server.service.warm_up()  # spaCy loads here, not inside the browser's wait
        yield server


def _serve_config(folder: str, config: str) -> AbstractContextManager[PostLintServer]:
    return serving(folder, config_file=config)


@pytest.fixture(params=list(WIDTHS))
def width(request: pytest.FixtureRequest, browser: webdriver.Chrome) -> Iterator[str]:
    browser.set_window_size(*WIDTHS[request.param])
    yield request.param
    browser.set_window_size(1280, 900)


def _checked(browser: webdriver.Chrome, url: str, text: str) -> None:
    _open(browser, url)
    browser.execute_script("document.getElementById('status').textContent = ''")
    _set_draft(browser, text)
    _wait(browser, lambda d: d.find_element(By.ID, "status").text.startswith("Checked in"), "the check")


def _item(browser: webdriver.Chrome, rule: str, words: str | None = None):  # noqa: ANN202
    items = browser.find_elements(By.CSS_SELECTOR, f'#findings .finding[data-rule="{rule}"]')
    return next(i for i in items if words is None or words in i.find_element(By.TAG_NAME, "summary").text)


def test_fifteen_findings_make_a_compact_page_in_plain_words(browser: webdriver.Chrome, city: PostLintServer, width: str) -> None:
    _checked(browser, city.url, FIFTEEN)
    items = browser.find_elements(By.CSS_SELECTOR, "#findings .finding")
    assert len(items) == 15
    height = browser.execute_script("return document.body.scrollHeight")
    assert height < HEIGHT_BUDGET[width], f"{width}: the page is {height} px tall for 15 findings"
    # Both counts, both things to look at; no rule id in sight until asked for.
    assert "5 problems to fix, 10 warnings to review" in browser.find_element(By.ID, "verdict").text
    listed = browser.find_element(By.ID, "findings").text
    assert "What to look at (15)" in listed and "personal-data/" not in listed and "names/person" not in listed
    phone = _item(browser, "personal-data/phone")
    assert phone.find_element(By.TAG_NAME, "summary").text == "Must fix A private person's phone number: 763-555-0142"
    phone.find_element(By.TAG_NAME, "summary").click()
    phone.find_element(By.CSS_SELECTOR, "details.rule-id summary").click()
    assert phone.find_element(By.CSS_SELECTOR, "details.rule-id code").text == "personal-data/phone"
    engine = browser.find_element(By.ID, "engine")
    assert engine.is_displayed() and "builtin (offline rules)" in engine.text


def test_the_platform_picker_counts_as_the_platform_counts(browser: webdriver.Chrome, url: str, width: str) -> None:
    _open(browser, url)
    text = "Hi 👋 https://www.anokaminnesota.com/parks-and-recreation/summer-programs-2026"
    _set_draft(browser, text)
    count = browser.find_element(By.ID, "count")
    _wait(browser, lambda d: "Facebook" in count.text, "the count")
    assert count.text == f"{len(text)} of 63,206 characters on Facebook"  # 👋 is one character as people see it
    Select(browser.find_element(By.ID, "platform")).select_by_value("x")
    assert count.text == "29 of 280 characters on X (Twitter)"  # 'Hi ' 3, the emoji 2, a space 1, the link 23
    _set_draft(browser, "a" * 281)
    assert count.text == "281 of 280 characters on X (Twitter): 1 too many" and "over" in count.get_attribute("class")
    Select(browser.find_element(By.ID, "platform")).select_by_value("nextdoor")
    assert count.text == "281 characters (Nextdoor publishes no limit)"
    browser.get(url)  # the choice is remembered, as the profile is
    _wait(browser, lambda d: d.find_element(By.ID, "platform").get_attribute("value") == "nextdoor", "the remembered platform")


def test_allow_in_this_post_checks_again_and_says_nothing_is_saved(browser: webdriver.Chrome, city: PostLintServer) -> None:
    text = "Thanks to Ruth Olson for the cookies at the library open house on Saturday."
    _checked(browser, city.url, text)
    item = _item(browser, "names/person", "Ruth Olson")
    item.find_element(By.TAG_NAME, "summary").click()
    item.find_element(By.CSS_SELECTOR, "button.allow").click()
    _wait(
        browser, lambda d: not d.find_elements(By.CSS_SELECTOR, '#findings .finding[data-rule="names/person"]'), "the check again"
    )
    box = browser.find_element(By.ID, "allowed")
    assert "Allowed in this post only" in box.text and "Ruth Olson" in box.text and "Nothing is saved" in box.text
    assert 'names: ["Ruth Olson"]' in box.find_element(By.TAG_NAME, "code").text
    box.find_element(By.CSS_SELECTOR, "button.remove").click()
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, '#findings .finding[data-rule="names/person"]'), "the name again")


def test_add_to_vocabulary_shows_the_line_and_writes_only_when_confirmed(browser: webdriver.Chrome, city: PostLintServer) -> None:
    config = Path(city.service.config_file or "")
    before = config.read_text(encoding="utf-8")
    _checked(browser, city.url, "The splorf ride starts at noon in the park.")
    item = _item(browser, "grammar/spelling", "splorf")
    item.find_element(By.TAG_NAME, "summary").click()
    item.find_element(By.CSS_SELECTOR, "button.vocabulary").click()
    panel = _wait(browser, EC.visibility_of_element_located((By.ID, "vocabulary")), "the vocabulary panel")
    assert panel.find_element(By.CSS_SELECTOR, "code").text == '[body]\nvocabulary = ["splorf"]'
    assert browser.switch_to.active_element == panel.find_element(By.TAG_NAME, "h3")  # focus moves to what opened
    assert config.read_text(encoding="utf-8") == before  # showing the line changes nothing
    panel.find_element(By.CSS_SELECTOR, "button.write").click()
    panel.find_element(By.CSS_SELECTOR, "button.cancel").click()
    assert config.read_text(encoding="utf-8") == before  # cancelled: nothing written
    panel.find_element(By.CSS_SELECTOR, "button.write").click()
    panel.find_element(By.CSS_SELECTOR, "button.yes").click()
    _wait(browser, lambda d: "Added to" in panel.text, "the write")
    assert 'vocabulary = ["splorf"]' in config.read_text(encoding="utf-8")
    _wait(
        browser,
        lambda d: not d.find_elements(By.CSS_SELECTOR, '#findings .finding[data-rule="grammar/spelling"]'),
        "a clean check",
    )
    config.write_text(before, encoding="utf-8")
    city.service.reload_config()


def test_without_config_the_page_offers_no_write(browser: webdriver.Chrome, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("no-config")
    (folder / ".post-lint.toml").write_text(CITY, encoding="utf-8")
    with _serve(["grammar"], str(folder)) as server:
        _checked(browser, server.url, "The splorf ride starts at noon in the park.")
        item = _item(browser, "grammar/spelling", "splorf")
        item.find_element(By.TAG_NAME, "summary").click()
        item.find_element(By.CSS_SELECTOR, "button.vocabulary").click()
        panel = _wait(browser, EC.visibility_of_element_located((By.ID, "vocabulary")), "the vocabulary panel")
        assert "This page does not change the file." in panel.text
        assert not panel.find_elements(By.CSS_SELECTOR, "button.write")
        assert panel.find_element(By.CSS_SELECTOR, "button.copy").is_displayed()
