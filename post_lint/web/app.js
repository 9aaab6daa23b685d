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
  const SEVERITY_LABEL = { error: "Must fix", warning: "Should fix", info: "Note" };
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

  const state = {
    // Names this page's draft to the server: a newer check of it supersedes one still linting.
    documentId: `page-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
    text: "", // the text the current findings belong to (kept in step with the textarea)
    findings: [], // {id, start, end, data}: start/end in UTF-16 units of state.text
    checks: {}, // name -> {description, ...} from /api/checks
    seq: 0,
    controller: null,
    timer: 0,
    cardIds: "", // which findings the card shows
    cardSource: "", // "hover" | "caret" | "list"
    dismissed: "", // the caret card the user closed with Escape
    hideTimer: 0,
  };

  // ---- small helpers ------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function plural(n, one, many) {
    return `${n} ${n === 1 ? one : many || one + "s"}`;
  }

  /** UTF-16 index of every code-point offset of `text` (and of its end). */
  function codePointOffsets(text) {
    const offsets = [];
    let u16 = 0;
    for (const ch of text) {
      offsets.push(u16);
      u16 += ch.length;
    }
    offsets.push(u16);
    return offsets;
  }

  function excerpt(f) {
    const raw = state.text.slice(f.start, f.end);
    if (!raw) return "";
    if (INVISIBLE.test(raw)) {
      return Array.from(raw, (ch) => `U+${ch.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}`).join(" ");
    }
    const oneLine = raw.replace(/\s+/g, " ");
    return oneLine.length > 80 ? oneLine.slice(0, 77) + "…" : oneLine;
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
        el("span", { class: "rule", text: d.rule }),
      ),
      shown ? el("p", { class: "excerpt" }, el("span", { class: "visually-hidden", text: "Found: " }), el("q", { text: shown })) : null,
      el("p", { class: "message", text: capitalise(d.message) + (/[.!?]$/.test(d.message) ? "" : ".") }),
      d.policy ? el("p", { class: "policy" }, el("span", { class: "policy-label", text: "Policy " }), d.policy) : null,
      suggestionButtons(f),
    );
  }

  function capitalise(s) {
    return s ? s[0].toUpperCase() + s.slice(1) : s;
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
    scheduleCheck(DEBOUNCE_MS);
  });

  controls.addEventListener("change", () => {
    try {
      localStorage.setItem("post-lint-settings", JSON.stringify({ profile: selected("profile"), format: selected("format") }));
    } catch {
      // storage may be off; the choice still applies to this visit
    }
    scheduleCheck(0);
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
        body: JSON.stringify({ text, profile: selected("profile"), format: selected("format"), document: state.documentId }),
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
    showSkipped(data.skipped);
    if (data.summary.input_errors.length) showError(`Problems reading the draft: ${data.summary.input_errors.join("; ")}`);
    onCaret();
  }

  function showError(message) {
    errorsBox.replaceChildren(el("p", { text: message }));
    errorsBox.hidden = false;
  }

  // ---- verdict, skipped checks, the list --------------------------------------
  function showVerdict(data) {
    let tone;
    let title;
    let detail = "";
    if (!data) {
      tone = "";
      title = "Paste or type a draft to check it.";
    } else {
      const s = data.summary;
      const notRun = new Set(data.skipped.map((k) => k.check)).size;
      const byCheck = Object.entries(s.by_check)
        .map(([name, n]) => `${name} (${n})`)
        .join(", ");
      const problems = [];
      if (s.errors) problems.push(`fix ${plural(s.errors, "problem")}`);
      if (s.warnings) problems.push(`review ${plural(s.warnings, "warning")}`);
      const what = problems.length ? `${capitalise(problems.join(" and "))}: ${byCheck}.` : "";
      if (s.errors) {
        tone = "bad";
        title = "Not ready to publish";
        detail = what;
      } else if (s.warnings) {
        tone = "warn";
        title = "Check the warnings before you publish";
        detail = what;
      } else if (notRun) {
        tone = "warn";
        title = "No problems found, but not every check ran";
        detail = "This draft was not fully checked: see below.";
      } else {
        tone = "ok";
        title = "Ready to publish";
        detail = s.infos ? `No problems found; ${plural(s.infos, "note")} you may want to read.` : "No problems found.";
      }
      if (notRun && (s.errors || s.warnings)) detail += ` ${capitalise(plural(notRun, "check"))} did not run.`;
    }
    const next = el("p", { class: "verdict-title", text: title });
    // Replace only when it changed, so screen readers are not told the same thing again.
    if (verdict.dataset.text === title + detail) return;
    verdict.dataset.text = title + detail;
    verdict.className = `verdict${tone ? " verdict-" + tone : ""}`;
    verdict.replaceChildren(next, detail ? el("p", { class: "verdict-detail", text: detail }) : "");
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

  function renderList() {
    if (!state.findings.length) {
      findingsBox.replaceChildren();
      return;
    }
    const groups = new Map();
    for (const f of state.findings) {
      if (!groups.has(f.data.check)) groups.set(f.data.check, []);
      groups.get(f.data.check).push(f);
    }
    const ordered = [...groups.entries()].sort(
      (a, b) => SEVERITY_ORDER[worst(b[1])] - SEVERITY_ORDER[worst(a[1])] || a[1][0].start - b[1][0].start,
    );
    findingsBox.replaceChildren(
      el("h2", { class: "list-heading", text: "What to fix, by check" }),
      ...ordered.map(([name, findings]) => {
        const info = state.checks[name] || {};
        return el(
          "section",
          { class: "group", "aria-labelledby": `group-${name}` },
          el("h3", { id: `group-${name}`, class: "group-title" }, name, " ", el("span", { class: "count", text: `${findings.length}` })),
          info.description ? el("p", { class: "group-description", text: info.description }) : null,
          el(
            "ol",
            { class: "finding-list" },
            findings.map((f) => {
              const [line, column] = lineColumn(f.start);
              return el(
                "li",
                { class: "finding", "data-rule": f.data.rule },
                findingBody(f, "h4"),
                el("button", {
                  type: "button",
                  class: "show",
                  text: `Show in draft (line ${line}, column ${column})`,
                  onclick: () => showInDraft(f.id),
                }),
              );
            }),
          ),
        );
      }),
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

  // ---- start -----------------------------------------------------------------
  try {
    const saved = JSON.parse(localStorage.getItem("post-lint-settings") || "{}");
    for (const name of ["profile", "format"]) {
      const input = saved[name] && controls.querySelector(`input[name="${name}"][value="${CSS.escape(saved[name])}"]`);
      if (input) input.checked = true;
    }
  } catch {
    // nothing saved, or storage is off
  }
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
