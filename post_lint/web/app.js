// post-lint serve: the page's script. Plain JavaScript, no build step, nothing from the network
// but this computer's own post-lint server.
//
// The draft is a <textarea> laid over a "mirror" <div> that holds the same text with
// <mark> elements where findings are: the textarea (transparent) keeps all normal editing,
// undo and spell checking, while the marks show through it.
//
// Offsets from the server are Unicode code points; JavaScript strings are UTF-16, so every
// finding is converted once (codePointOffsets) and kept in UTF-16 units here.
"use strict";

(() => {
  const DEBOUNCE_MS = 300;
  const SEVERITY_ORDER = { error: 2, warning: 1, info: 0 };
  const SEVERITY_LABEL = { error: "Must fix", warning: "Review", info: "Note" };
  // Findings the page offers to allow (this draft) or to add to the city's config (every post).
  const ACTIONS = { names: "names", "grammar/spelling": "words", "grammar/lt/MORFOLOGIK_RULE_EN_US": "words" };
  const LABEL_MAX = 64; // characters: a label is a line, the message says the rest
  // Characters that draw nothing: a finding made only of them gets a visible marker.
  const INVISIBLE = /^[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\s]*$/u;

  const draft = document.getElementById("draft");
  const mirror = document.getElementById("mirror");
  const card = document.getElementById("card");
  const verdict = document.getElementById("verdict");
  const skippedBox = document.getElementById("skipped");
  const errorsBox = document.getElementById("errors");
  const findingsBox = document.getElementById("findings");
  const statusLine = document.getElementById("status");
  const controls = document.getElementById("controls");
  const editorColumn = draft.closest(".editor-column");
  const engineLine = document.getElementById("engine");
  const allowedBox = document.getElementById("allowed");
  const vocabBox = document.getElementById("vocabulary");
  const countLine = document.getElementById("count");
  const platformSelect = document.getElementById("platform");

  const state = {
    // Names this page's draft to the server: a newer check of it supersedes one still linting.
    documentId: `page-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
    text: "", // the text the current findings belong to (kept in step with the textarea)
    findings: [], // {id, start, end, data}: start/end in UTF-16 units of state.text
    checks: {}, // name -> {description, rules, ...} from /api/checks
    allow: { names: [], words: [] }, // allowed in this draft only (as front matter's allow), sent with each check
    platforms: null, // platforms.json
    seq: 0,
    controller: null,
    timer: 0,
    cardIds: "", // which findings the card shows
    cardSource: "", // "hover" | "caret" | "list"
    dismissed: "", // the caret card the user closed with Escape
    hideTimer: 0,
  };

  // ---- small helpers ------------------------------------------------------
  const { el, plural, codePointOffsets, capitalise } = window.postLint;

  function excerpt(f, max = 80) {
    const raw = state.text.slice(f.start, f.end);
    if (!raw) return "";
    if (INVISIBLE.test(raw)) {
      return Array.from(raw, (ch) => `U+${ch.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}`).join(" ");
    }
    const oneLine = raw.replace(/\s+/g, " ");
    return oneLine.length > max ? oneLine.slice(0, max - 3) + "…" : oneLine;
  }

  function worst(findings) {
    return findings.reduce((a, f) => (SEVERITY_ORDER[f.data.severity] > SEVERITY_ORDER[a] ? f.data.severity : a), "info");
  }

  function selected(name) {
    const checked = controls.querySelector(`input[name="${name}"]:checked`);
    return checked ? checked.value : undefined;
  }

  function byId(id) {
    return state.findings.find((f) => f.id === id);
  }

  // ---- the mirror: the same text with marks ---------------------------------
  function renderMirror() {
    const text = state.text;
    const findings = state.findings;
    const cuts = new Set([0, text.length]);
    for (const f of findings) {
      cuts.add(f.start);
      cuts.add(f.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const frag = document.createDocumentFragment();
    for (let i = 0; i < points.length; i++) {
      const at = points[i];
      // Zero-length findings (something missing) are a thin marker at their place.
      const here = findings.filter((f) => f.start === at && f.end === at);
      if (here.length) frag.append(markFor(here, "", true));
      if (i + 1 >= points.length) break;
      const next = points[i + 1];
      const piece = text.slice(at, next);
      const covering = findings.filter((f) => f.start <= at && f.end >= next && f.end > f.start);
      frag.append(covering.length ? markFor(covering, piece, INVISIBLE.test(piece)) : document.createTextNode(piece));
    }
    // A final line break needs something after it to take up a line, as in the textarea.
    frag.append(document.createTextNode(" "));
    mirror.replaceChildren(frag);
  }

  function markFor(findings, piece, marker) {
    const severity = worst(findings);
    return el("mark", {
      class: `sev-${severity}${marker ? " marker" : ""}`,
      "data-ids": findings.map((f) => f.id).join(" "),
      "data-rules": findings.map((f) => f.data.rule).join(" "),
      text: piece,
    });
  }

  function marksOf(id) {
    return [...mirror.querySelectorAll("mark")].filter((m) => m.dataset.ids.split(" ").includes(id));
  }

  // ---- the card: message, policy clause, suggestions -------------------------
  function showCard(ids, source, anchorRect) {
    const findings = ids.map(byId).filter(Boolean);
    if (!findings.length) return hideCard();
    clearTimeout(state.hideTimer);
    const key = ids.join(" ");
    if (!(state.cardIds === key && !card.hidden)) {
      card.replaceChildren(
        ...findings.map((f) => findingBody(f, "p")),
        el("p", { class: "card-hint", text: "Esc closes this box." }),
      );
    }
    state.cardIds = key;
    state.cardSource = source;
    card.hidden = false;
    placeCard(anchorRect || (marksOf(findings[0].id)[0] || draft).getClientRects()[0]);
  }

  function placeCard(rect) {
    if (!rect) return;
    const box = editorColumn.getBoundingClientRect();
    const width = Math.min(card.offsetWidth || 360, box.width);
    let left = rect.left - box.left;
    left = Math.max(0, Math.min(left, box.width - width));
    card.style.left = `${left}px`;
    card.style.top = `${rect.bottom - box.top + 8}px`;
  }

  function hideCard() {
    card.hidden = true;
    state.cardIds = "";
    state.cardSource = "";
  }

  /** The finding in plain words: its rule's summary (else its check's description), short; the id is on demand. */
  function labelFor(d) {
    const check = state.checks[d.check] || {};
    let text = (check.rules && check.rules[d.rule]) || check.description || d.message;
    text = text.replace(/^\((error|warning|info)\)\s*/i, "").replace(/\s*\((builtin|[^)]*only[^)]*)\)\s*$/i, "");
    text = text.split(/;\s|:\s|\s\(/)[0].replace(/[.\s]+$/, "");
    if (text.length > LABEL_MAX) {
      const comma = text.lastIndexOf(", ", LABEL_MAX - 1);
      text = text.slice(0, comma > 20 ? comma : text.lastIndexOf(" ", LABEL_MAX - 1)).replace(/[,\s]+$/, "") + "…";
    }
    return capitalise(text);
  }

  function findingBody(f, headingTag) {
    const d = f.data;
    const shown = excerpt(f);
    return el(
      "div",
      { class: `finding-body sev-${d.severity}`, "data-rule": d.rule },
      el(
        headingTag,
        { class: "finding-title" },
        el("span", { class: `badge sev-${d.severity}`, text: SEVERITY_LABEL[d.severity] || d.severity }),
        " ",
        el("span", { class: "label", text: labelFor(d) }),
      ),
      shown ? el("p", { class: "excerpt" }, el("span", { class: "visually-hidden", text: "Found: " }), el("q", { text: shown })) : null,
      findingDetails(f),
    );
  }

  /** What the finding says, the policy it cites, what to do about it, and (on demand) its rule id. */
  function findingDetails(f) {
    const d = f.data;
    return [
      el("p", { class: "message", text: capitalise(d.message) + (/[.!?]$/.test(d.message) ? "" : ".") }),
      d.policy ? el("p", { class: "policy" }, el("span", { class: "policy-label", text: "Policy " }), d.policy) : null,
      suggestionButtons(f),
      actionButtons(f),
      el(
        "details",
        { class: "rule-id" },
        el("summary", { text: "Rule id" }),
        el("code", { class: "rule", text: d.rule }),
        " ",
        el("span", { class: "hint", text: `(post-lint explain ${d.check})` }),
      ),
    ];
  }

  /** The word or name a names or spelling finding is about, and what kind it is; null for other findings. */
  function actionTarget(f) {
    const kind = ACTIONS[f.data.check] || ACTIONS[f.data.rule];
    const value = state.text.slice(f.start, f.end).trim();
    return kind && value && value.length <= 200 && !/\n/.test(value) ? { kind, value } : null;
  }

  function actionButtons(f) {
    const target = actionTarget(f);
    if (!target) return null;
    const what = target.kind === "names" ? "this name" : "this word";
    return el(
      "div",
      { class: "actions", role: "group", "aria-label": "Exceptions" },
      el("button", { type: "button", class: "action allow", text: `Allow ${what} in this post`, onclick: () => allowInDraft(target) }),
      el("button", {
        type: "button",
        class: "action vocabulary",
        text: target.kind === "names" ? "Add to the city's allowed names…" : "Add to the city's vocabulary…",
        onclick: () => showVocabulary(target),
      }),
    );
  }

  function suggestionButtons(f) {
    const suggestions = (f.data.suggestions || []).slice(0, 4);
    if (!suggestions.length) return null;
    return el(
      "div",
      { class: "suggestions", role: "group", "aria-label": "Suggestions" },
      suggestions.map((s) =>
        el("button", {
          type: "button",
          class: "suggestion",
          "data-suggestion": s,
          text: s === "" ? "Remove it" : `Replace with “${s}”`,
          onclick: () => applySuggestion(f.id, s),
        }),
      ),
    );
  }

  function applySuggestion(id, replacement) {
    const f = byId(id);
    if (!f) return;
    hideCard();
    draft.focus();
    draft.setSelectionRange(f.start, f.end);
    // execCommand keeps the change on the textarea's undo stack (Ctrl+Z undoes it).
    let done = false;
    try {
      done = document.execCommand("insertText", false, replacement);
    } catch {
      done = false;
    }
    if (!done || draft.value.slice(f.start, f.start + replacement.length) !== replacement) {
      draft.setRangeText(replacement, f.start, f.end, "end");
      draft.dispatchEvent(new Event("input", { bubbles: true }));
    }
    announce(replacement === "" ? "Removed." : `Replaced with ${replacement}.`);
  }

  // A short, polite message for screen readers (the verdict has its own live region).
  const announcer = el("div", { class: "visually-hidden", role: "status", "aria-live": "polite" });
  document.body.append(announcer);
  function announce(message) {
    announcer.textContent = "";
    setTimeout(() => {
      announcer.textContent = message;
    }, 50);
  }

  // ---- hover and caret ------------------------------------------------------
  function idsAtPoint(x, y) {
    const ids = [];
    for (const mark of mirror.querySelectorAll("mark")) {
      for (const r of mark.getClientRects()) {
        const pad = mark.classList.contains("marker") ? 4 : 0;
        if (x >= r.left - pad && x <= r.right + pad && y >= r.top && y <= r.bottom) {
          for (const id of mark.dataset.ids.split(" ")) if (!ids.includes(id)) ids.push(id);
          return { ids, rect: r };
        }
      }
    }
    return { ids, rect: null };
  }

  function idsAtCaret() {
    if (draft.selectionStart !== draft.selectionEnd) return [];
    const at = draft.selectionStart;
    return state.findings.filter((f) => (f.start <= at && at < f.end) || (f.start === f.end && f.start === at)).map((f) => f.id);
  }

  function onCaret() {
    if (document.activeElement !== draft) return;
    const ids = idsAtCaret();
    const key = ids.join(" ");
    if (!ids.length) {
      state.dismissed = "";
      if (state.cardSource === "caret") hideCard();
      return;
    }
    if (key === state.dismissed || key === state.cardIds) return;
    showCard(ids, "caret");
    const f = byId(ids[0]);
    announce(`${SEVERITY_LABEL[f.data.severity]}: ${f.data.message}. Press Tab to reach the suggestions.`);
  }

  draft.addEventListener("mousemove", (event) => {
    const { ids, rect } = idsAtPoint(event.clientX, event.clientY);
    if (ids.length) {
      if (ids.join(" ") !== state.cardIds) showCard(ids, "hover", rect);
      else clearTimeout(state.hideTimer);
    } else if (state.cardSource === "hover") {
      scheduleHide();
    }
  });
  draft.addEventListener("mouseleave", () => {
    if (state.cardSource === "hover") scheduleHide();
  });
  card.addEventListener("mouseenter", () => clearTimeout(state.hideTimer));
  card.addEventListener("mouseleave", () => {
    if (state.cardSource === "hover") scheduleHide();
  });
  function scheduleHide() {
    clearTimeout(state.hideTimer);
    state.hideTimer = setTimeout(() => {
      if (!card.contains(document.activeElement)) hideCard();
    }, 400);
  }

  for (const type of ["keyup", "click", "focus", "select"]) draft.addEventListener(type, onCaret);
  document.addEventListener("selectionchange", onCaret);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !card.hidden) {
      state.dismissed = state.cardIds;
      const inCard = card.contains(document.activeElement);
      hideCard();
      if (inCard) draft.focus();
    }
  });
  // Clicking a button in the card keeps the cursor in the draft (and so the card open).
  card.addEventListener("mousedown", (event) => {
    if (event.target.closest("button")) event.preventDefault();
  });
  draft.addEventListener("blur", (event) => {
    if (state.cardSource === "caret" && !card.contains(event.relatedTarget)) hideCard();
  });
  card.addEventListener("focusout", (event) => {
    if (!card.contains(event.relatedTarget) && event.relatedTarget !== draft) hideCard();
  });
  window.addEventListener("resize", () => {
    if (!card.hidden && state.cardIds) showCard(state.cardIds.split(" "), state.cardSource);
  });

  // ---- typing: keep the marks in place, then check again -----------------------
  draft.addEventListener("input", () => {
    const old = state.text;
    const now = draft.value;
    // The edited region: what is before it stays put, what is after it moves by `delta`.
    let prefix = 0;
    const shortest = Math.min(old.length, now.length);
    while (prefix < shortest && old.charCodeAt(prefix) === now.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < shortest - prefix && old.charCodeAt(old.length - 1 - suffix) === now.charCodeAt(now.length - 1 - suffix)) suffix++;
    const editEnd = old.length - suffix;
    const delta = now.length - old.length;
    state.findings = state.findings.flatMap((f) => {
      if (f.end <= prefix && f.start < prefix) return [f];
      if (f.start >= editEnd && !(f.start === prefix && f.end === prefix)) return [{ ...f, start: f.start + delta, end: f.end + delta }];
      return [];
    });
    state.text = now;
    state.dismissed = "";
    hideCard();
    renderMirror();
    renderList();
    showCount();
    scheduleCheck(DEBOUNCE_MS);
  });

  controls.addEventListener("change", (event) => {
    try {
      const settings = { profile: selected("profile"), format: selected("format"), platform: platformSelect.value };
      localStorage.setItem("post-lint-settings", JSON.stringify(settings));
    } catch {
      // storage may be off; the choice still applies to this visit
    }
    if (event.target === platformSelect) showCount(); // counted here: the checks need not run again
    else scheduleCheck(0);
  });
  controls.addEventListener("submit", (event) => event.preventDefault());

  function scheduleCheck(delay) {
    clearTimeout(state.timer);
    state.timer = setTimeout(runCheck, delay);
  }

  // ---- talking to the server ------------------------------------------------
  async function runCheck() {
    const text = draft.value;
    if (state.controller) state.controller.abort();
    const seq = ++state.seq;
    if (!text.trim()) {
      state.allow = { names: [], words: [] }; // the allow list is this draft's: a new draft starts without one
      renderAllowed();
      engineLine.hidden = true;
      state.findings = [];
      state.text = text;
      renderMirror();
      renderList();
      showVerdict(null);
      skippedBox.hidden = true;
      errorsBox.hidden = true;
      statusLine.textContent = "";
      return;
    }
    const controller = new AbortController();
    state.controller = controller;
    statusLine.textContent = "Checking…";
    const slow = setTimeout(() => {
      if (seq === state.seq) statusLine.textContent = "Still checking: the first check loads the language model, which takes a few seconds.";
    }, 1500);
    const started = performance.now();
    let response;
    let data;
    try {
      response = await fetch("/api/check", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          text,
          profile: selected("profile"),
          format: selected("format"),
          allow: allowed(),
          document: state.documentId,
        }),
        signal: controller.signal,
      });
      data = await response.json();
    } catch (error) {
      clearTimeout(slow);
      if (error.name === "AbortError" || seq !== state.seq) return;
      statusLine.textContent = "";
      showError("The page cannot reach post-lint. Is `post-lint serve` still running in its window? Start it again, then reload this page.");
      return;
    }
    clearTimeout(slow);
    if (seq !== state.seq || draft.value !== text) return; // a newer check is on its way
    const elapsed = Math.round(performance.now() - started);
    if (!response.ok) {
      statusLine.textContent = "";
      showError(`post-lint could not check the draft: ${data && data.error ? data.error : response.statusText}`);
      return;
    }
    errorsBox.hidden = true;
    const offsets = codePointOffsets(text);
    const last = offsets.length - 1;
    state.text = text;
    state.findings = data.findings.map((f, index) => ({
      id: `f${seq}-${index}`,
      start: offsets[Math.min(f.offset, last)],
      end: offsets[Math.min(f.offset + f.length, last)],
      data: f,
    }));
    const ran = data.summary.checks_run.length;
    statusLine.textContent = `Checked in ${elapsed} ms by ${plural(ran, "check")}.`;
    renderMirror();
    renderList();
    showVerdict(data);
    showEngine(data.summary.notes || {});
    showSkipped(data.skipped);
    if (data.summary.input_errors.length) showError(`Problems reading the draft: ${data.summary.input_errors.join("; ")}`);
    onCaret();
  }

  function showError(message) {
    errorsBox.replaceChildren(el("p", { text: message }));
    errorsBox.hidden = false;
  }

  // ---- verdict, skipped checks, the list --------------------------------------
  /** "2 problems to fix, 3 warnings to review": both are things to look at, counted honestly. */
  function toLookAt(s) {
    const parts = [];
    if (s.errors) parts.push(`${plural(s.errors, "problem")} to fix`);
    if (s.warnings) parts.push(`${plural(s.warnings, "warning")} to review`);
    return parts.join(", ");
  }

  function verdictFor(data) {
    if (!data) return ["", "Paste or type a draft to check it.", ""];
    const s = data.summary;
    const notRun = new Set(data.skipped.map((k) => k.check)).size;
    const count = toLookAt(s);
    let result;
    if (s.errors) result = ["bad", "Not ready to publish", `${count}.`];
    else if (s.warnings) result = ["warn", "Look at the warnings before you publish", `${count}: each may need a change.`];
    else if (notRun) result = ["warn", "No problems found, but not every check ran", "This draft was not fully checked: see below."];
    else result = ["ok", "Ready to publish", s.infos ? `No problems found; ${plural(s.infos, "note")} you may want to read.` : "No problems found."];
    if (notRun && (s.errors || s.warnings)) result[2] += ` ${capitalise(plural(notRun, "check"))} did not run.`;
    return result;
  }

  function showVerdict(data) {
    const [tone, title, detail] = verdictFor(data);
    // Replace only when it changed, so screen readers are not told the same thing again.
    if (verdict.dataset.text === title + detail) return;
    verdict.dataset.text = title + detail;
    verdict.className = `verdict${tone ? " verdict-" + tone : ""}`;
    verdict.replaceChildren(el("p", { class: "verdict-title", text: title }), detail ? el("p", { class: "verdict-detail", text: detail }) : "");
  }

  /** Which grammar engine ran (the run's notes say it), and anything allowed on this page. */
  function showEngine(notes) {
    const engine = notes["grammar engine"];
    engineLine.replaceChildren(engine ? el("span", {}, el("strong", { text: "Spelling and grammar checked by: " }), engine) : "");
    engineLine.hidden = !engine;
  }

  function showSkipped(skipped) {
    if (!skipped.length) {
      skippedBox.hidden = true;
      return;
    }
    const names = [...new Set(skipped.map((s) => s.check))];
    skippedBox.replaceChildren(
      el("p", { class: "alert-title", text: `⚠ ${plural(names.length, "check")} did not run: this draft was not fully checked` }),
      el("p", {}, "Not checked: ", el("strong", { text: names.join(", ") }), ". Read the draft for these yourself, and ask whoever set up post-lint to fix it."),
      el(
        "details",
        {},
        el("summary", { text: "Why they did not run" }),
        el(
          "ul",
          {},
          skipped.map((s) => el("li", {}, el("strong", { text: s.check }), `: ${s.reason}`)),
        ),
      ),
    );
    skippedBox.hidden = false;
  }

  /** A compact list: one line per finding (what, where), the details on demand; worst first, then in order. */
  function renderList() {
    if (!state.findings.length) {
      findingsBox.replaceChildren();
      return;
    }
    const ordered = [...state.findings].sort(
      (a, b) => SEVERITY_ORDER[b.data.severity] - SEVERITY_ORDER[a.data.severity] || a.start - b.start,
    );
    findingsBox.replaceChildren(
      el("h2", { class: "list-heading", text: `What to look at (${ordered.length})` }),
      el("ol", { class: "finding-list" }, ordered.map(findingItem)),
    );
  }

  function findingItem(f) {
    const d = f.data;
    const [line, column] = lineColumn(f.start);
    const shown = excerpt(f, 40);
    return el(
      "li",
      { class: `finding sev-${d.severity}`, "data-rule": d.rule },
      el(
        "details",
        {},
        el(
          "summary",
          { class: "finding-summary" },
          el("span", { class: `badge sev-${d.severity}`, text: SEVERITY_LABEL[d.severity] || d.severity }),
          " ",
          el("span", { class: "label", text: labelFor(d) }),
          shown ? el("span", { class: "excerpt" }, ": ", el("q", { text: shown })) : null,
        ),
        el(
          "div",
          { class: "finding-body" },
          findingDetails(f),
          el("button", { type: "button", class: "show", text: `Show in draft (line ${line}, column ${column})`, onclick: () => showInDraft(f.id) }),
        ),
      ),
    );
  }

  function lineColumn(u16) {
    const before = state.text.slice(0, u16);
    const line = before.split("\n").length;
    const column = Array.from(before.slice(before.lastIndexOf("\n") + 1)).length + 1;
    return [line, column];
  }

  function showInDraft(id) {
    const f = byId(id);
    if (!f) return;
    draft.focus({ preventScroll: true });
    draft.setSelectionRange(f.start, f.start);
    const mark = marksOf(id)[0];
    (mark || draft).scrollIntoView({ block: "center", behavior: "smooth" });
    state.dismissed = "";
    showCard([id], "caret");
  }

  // ---- exceptions: allowed in this draft only, or added to the city's config ----------
  function allowed() {
    const out = Object.fromEntries(Object.entries(state.allow).filter(([, values]) => values.length));
    return Object.keys(out).length ? out : undefined;
  }

  function allowInDraft(target) {
    const list = state.allow[target.kind];
    if (!list.includes(target.value)) list.push(target.value);
    hideCard();
    renderAllowed();
    announce(`${target.value} is allowed in this post only. Checking again.`);
    scheduleCheck(0);
  }

  function disallow(kind, value) {
    state.allow[kind] = state.allow[kind].filter((v) => v !== value);
    renderAllowed();
    announce(`${value} is no longer allowed. Checking again.`);
    scheduleCheck(0);
    draft.focus();
  }

  /** The allow list, what it means (this draft only, nothing saved) and the front matter that would keep it. */
  function renderAllowed() {
    const entries = Object.entries(state.allow).flatMap(([kind, values]) => values.map((value) => [kind, value]));
    allowedBox.hidden = !entries.length;
    if (!entries.length) return allowedBox.replaceChildren();
    const lists = Object.entries(allowed()).map(([kind, values]) => `    ${kind}: [${values.map((v) => JSON.stringify(v)).join(", ")}]`);
    allowedBox.replaceChildren(
      el("p", { class: "alert-title", text: "Allowed in this post only" }),
      el("ul", {}, entries.map(([kind, value]) => el("li", {}, `${kind === "names" ? "Name" : "Word"}: `, el("strong", { text: value }), " ",
        el("button", { type: "button", class: "remove", "aria-label": `Stop allowing ${value}`, text: "Remove", onclick: () => disallow(kind, value) })))),
      el("p", { class: "hint", text: "The draft is checked again as if its front matter allowed them. Nothing is saved: to keep this with a Markdown post, start it with this front matter (for a text post, list them in consents.toml beside it, with who consented and when for a name)." }),
      el("pre", { class: "snippet" }, el("code", { text: ["---", "post-lint:", "  allow:", ...lists, "---"].join("\n") })),
    );
  }

  async function vocabularyRequest(target, write) {
    try {
      const response = await fetch("/api/vocabulary", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ kind: target.kind, value: target.value, write }),
      });
      const data = await response.json();
      if (!response.ok) throw new Error(data.error || response.statusText);
      return data;
    } catch (error) {
      vocabBox.hidden = false;
      vocabBox.append(el("p", { class: "alert alert-error", role: "alert", text: `Not changed: ${error.message || error}` }));
      return null;
    }
  }

  async function showVocabulary(target) {
    hideCard();
    const answer = await vocabularyRequest(target, false);
    if (answer) renderVocabulary(target, answer);
  }

  /** The exact line for .post-lint.toml, a copy button and, only with --config, a confirmed write. */
  function renderVocabulary(target, answer) {
    const where = target.kind === "names" ? "the people who may be named in every post" : "the words never called misspelled";
    const text = answer.present
      ? `It is already in [${answer.table}] ${answer.key}: the checks allow it in every post.`
      : `To add it to ${where}, put this line in the [${answer.table}] table of .post-lint.toml, in place of any ${answer.key} line there. ` +
        (answer.config ? "The page changes the file only if you confirm below." : "This page does not change the file.");
    vocabBox.replaceChildren(
      el("h3", { tabindex: "-1", text: `Add “${target.value}” for every post` }),
      el("p", { text }),
      el("pre", { class: "snippet" }, el("code", { class: "config-line", text: `[${answer.table}]\n${answer.line}` })),
      el(
        "div",
        { class: "actions" },
        el("button", { type: "button", class: "copy", text: "Copy the line", onclick: () => copyLine(answer.line) }),
        answer.config && !answer.present
          ? el("button", { type: "button", class: "write", text: `Write it to ${answer.config}…`, onclick: () => confirmWrite(target, answer) })
          : null,
        el("button", { type: "button", class: "close", text: "Close", onclick: () => { vocabBox.hidden = true; draft.focus(); } }),
      ),
    );
    vocabBox.hidden = false;
    vocabBox.querySelector("h3").focus();
  }

  function confirmWrite(target, answer) {
    const confirm = el(
      "div",
      { class: "confirm", role: "group", "aria-label": "Confirm the change" },
      el("p", { text: `This changes ${answer.config}: every post checked with it will allow “${target.value}”.` }),
      el("button", { type: "button", class: "primary yes", text: "Yes, change the file", onclick: () => writeLine(target, confirm) }),
      " ",
      el("button", { type: "button", class: "cancel", text: "Cancel", onclick: () => { confirm.remove(); vocabBox.querySelector("button.write").focus(); } }),
    );
    vocabBox.querySelector(".confirm")?.remove();
    vocabBox.append(confirm);
    confirm.querySelector("button.yes").focus();
  }

  async function writeLine(target, confirm) {
    const answer = await vocabularyRequest(target, true);
    confirm.remove();
    if (!answer) return;
    vocabBox.append(el("p", { class: "done", role: "status", text: `Added to ${answer.config}: ${answer.line}. Checking again.` }));
    scheduleCheck(0);
  }

  async function copyLine(line) {
    try {
      await navigator.clipboard.writeText(line);
      announce("Copied the line.");
    } catch {
      // No clipboard (permissions): select the line so Ctrl+C copies it.
      const range = document.createRange();
      range.selectNodeContents(vocabBox.querySelector(".config-line"));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      announce("Selected the line: press Ctrl+C to copy it.");
    }
  }

  // ---- the platform and its live character count -------------------------------------
  const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+|\bwww\.[^\s<>"]+/giu;

  function graphemes(text) {
    if (window.Intl && Intl.Segmenter) return [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)];
    let index = 0;
    return Array.from(text, (segment) => ({ segment, index: (index += segment.length) - segment.length }));
  }

  /** Characters as the platform counts them: as people see them, or X's weights (link 23, emoji 2). */
  function countFor(text, platform) {
    const body = text.trim();
    if (platform.counting !== "x") return graphemes(body).length;
    const x = state.platforms.x;
    const urls = new Map([...body.matchAll(URL_PATTERN)].map((m) => [m.index, m.index + m[0].replace(/[.,!?;:)]+$/, "").length]));
    let total = 0;
    let skipTo = 0;
    for (const { segment, index } of graphemes(body)) {
      if (index < skipTo) continue;
      if (urls.has(index)) {
        total += x.url_length;
        skipTo = urls.get(index);
      } else if (/\p{Extended_Pictographic}/u.test(segment)) {
        total += x.emoji;
      } else {
        const cp = segment.codePointAt(0);
        total += x.narrow.some(([lo, hi]) => cp >= lo && cp <= hi) ? 1 : 2;
      }
    }
    return total;
  }

  function showCount() {
    if (!state.platforms) return;
    const platform = state.platforms.platforms.find((p) => p.id === platformSelect.value) || state.platforms.platforms[0];
    const n = countFor(draft.value, platform);
    const over = platform.limit !== null && n > platform.limit;
    countLine.classList.toggle("over", over);
    countLine.textContent = platform.limit === null
      ? `${n.toLocaleString("en-US")} characters (${platform.label} publishes no limit)`
      : `${n.toLocaleString("en-US")} of ${platform.limit.toLocaleString("en-US")} characters on ${platform.label}` +
        (over ? `: ${(n - platform.limit).toLocaleString("en-US")} too many` : "");
    if (over !== (countLine.dataset.over === "true")) announce(over ? countLine.textContent : `Within the ${platform.label} limit.`);
    countLine.dataset.over = String(over);
  }

  async function loadPlatforms(saved) {
    try {
      state.platforms = await (await fetch("/platforms.json")).json();
    } catch {
      return; // the count is a help, not a check: the page works without it
    }
    platformSelect.replaceChildren(...state.platforms.platforms.map((p) => el("option", { value: p.id, text: p.limit === null ? p.label : `${p.label} (${p.limit.toLocaleString("en-US")})` })));
    platformSelect.value = state.platforms.platforms.some((p) => p.id === saved) ? saved : state.platforms.default;
    showCount();
  }

  // ---- start -----------------------------------------------------------------
  let saved = {};
  try {
    saved = JSON.parse(localStorage.getItem("post-lint-settings") || "{}");
    for (const name of ["profile", "format"]) {
      const input = saved[name] && controls.querySelector(`input[name="${name}"][value="${CSS.escape(saved[name])}"]`);
      if (input) input.checked = true;
    }
  } catch {
    // nothing saved, or storage is off
  }
  loadPlatforms(saved.platform);
  fetch("/api/checks")
    .then((r) => (r.ok ? r.json() : []))
    .then((list) => {
      for (const c of list) state.checks[c.name] = c;
      renderList();
    })
    .catch(() => {});
  if (draft.value) {
    state.text = "";
    draft.dispatchEvent(new Event("input"));
  }
  document.documentElement.classList.add("js-ready");
})();
