// post-lint serve: the tabs, and the "Moderate comments" tab. Plain JavaScript, no build step,
// nothing from the network but this computer's own post-lint server.
//
// Staff paste or drop an export of the public's comments (CSV or JSON Lines); the server
// answers what `post-lint comments --format json` prints, and this script shows it as a
// table: each comment with the words that triggered a reason marked, its verdict, and the
// reasons with the clause of section V each cites. Offsets are Unicode code points.
"use strict";

(() => {
  const VERDICT_LABEL = { hide: "Hide", review: "Review", keep: "Keep" };
  const VERDICT_ORDER = { hide: 2, review: 1, keep: 0 };

  // ---- tabs (WAI-ARIA tabs pattern: arrows move between tabs, Enter/Space or click selects) ----
  const tabs = Array.from(document.querySelectorAll('[role="tab"]'));

  function selectTab(tab, focus) {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      other.tabIndex = selected ? 0 : -1;
      document.getElementById(other.getAttribute("aria-controls")).hidden = !selected;
    }
    if (focus) tab.focus();
    if (history.replaceState) history.replaceState(null, "", tab.id === "tab-comments" ? "#comments" : location.pathname);
  }

  for (const tab of tabs) {
    tab.addEventListener("click", () => selectTab(tab, false));
    tab.addEventListener("keydown", (event) => {
      const index = tabs.indexOf(tab);
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (step) {
        event.preventDefault();
        selectTab(tabs[(index + step + tabs.length) % tabs.length], true);
      } else if (event.key === "Home" || event.key === "End") {
        event.preventDefault();
        selectTab(tabs[event.key === "Home" ? 0 : tabs.length - 1], true);
      }
    });
  }
  if (location.hash === "#comments") selectTab(document.getElementById("tab-comments"), false);

  // ---- the comments tab ------------------------------------------------------------------------
  const form = document.getElementById("comments-form");
  const exportBox = document.getElementById("export");
  const postBox = document.getElementById("post");
  const fileInput = document.getElementById("export-file");
  const fileName = document.getElementById("export-name");
  const drop = document.getElementById("drop");
  const button = document.getElementById("moderate");
  const showKept = document.getElementById("show-kept");
  const summary = document.getElementById("comments-summary");
  const errors = document.getElementById("comments-errors");
  const table = document.getElementById("comments-table");
  const body = document.getElementById("comments-body");
  const state = { name: "comments.csv", report: null, seq: 0 };

  const { el, plural, codePointOffsets } = window.postLint;

  function loadFile(file) {
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      exportBox.value = String(reader.result);
      state.name = file.name;
      fileName.textContent = `Read ${file.name}.`;
      moderate();
    };
    reader.onerror = () => showErrors([`${file.name}: could not be read in the browser`]);
    reader.readAsText(file);
  }

  fileInput.addEventListener("change", () => loadFile(fileInput.files[0]));
  for (const type of ["dragenter", "dragover"]) {
    drop.addEventListener(type, (event) => {
      event.preventDefault();
      drop.classList.add("dragging");
    });
  }
  for (const type of ["dragleave", "drop"]) {
    drop.addEventListener(type, () => drop.classList.remove("dragging"));
  }
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    const file = event.dataTransfer && event.dataTransfer.files[0];
    if (file) loadFile(file);
  });
  exportBox.addEventListener("input", () => {
    state.name = "comments.csv";
    fileName.textContent = "";
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    moderate();
  });
  showKept.addEventListener("change", () => state.report && renderTable(state.report));

  function showErrors(messages) {
    errors.replaceChildren(...messages.map((m) => el("p", { text: m })));
    errors.hidden = messages.length === 0;
  }

  async function moderate() {
    const text = exportBox.value;
    if (!text.trim()) {
      showErrors(["Paste or drop an export first: one comment a row, with a text column."]);
      return;
    }
    const seq = ++state.seq;
    button.disabled = true;
    summary.className = "verdict";
    summary.replaceChildren(el("p", { class: "verdict-title", text: "Checking the comments…" }));
    let data;
    try {
      const response = await fetch("/api/comments", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ export: text, post: postBox.value, name: state.name }),
      });
      data = await response.json();
      if (!response.ok) throw new Error(data.error || `the server answered ${response.status}`);
    } catch (error) {
      if (seq !== state.seq) return;
      button.disabled = false;
      summary.replaceChildren(el("p", { class: "verdict-title", text: "The comments could not be checked." }));
      showErrors([String(error.message || error)]);
      table.hidden = true;
      return;
    }
    if (seq !== state.seq) return;
    button.disabled = false;
    state.report = data;
    showErrors(data.summary.input_errors || []);
    renderSummary(data);
    renderTable(data);
  }

  function renderSummary(data) {
    const s = data.summary;
    const title =
      s.hide || s.review
        ? `${plural(s.hide, "comment")} to hide, ${plural(s.review, "comment")} to review`
        : "Nothing to hide or review";
    summary.className = `verdict ${s.hide ? "verdict-bad" : s.review ? "verdict-warn" : "verdict-ok"}`;
    const detail = `${plural(s.comments, "comment")} checked; ${s.keep} to keep.`;
    const skipped = (s.skipped || []).map((k) => `Check “${k.check}” did not run: ${k.reason}`);
    summary.replaceChildren(
      el("p", { class: "verdict-title", text: title }),
      el("p", { class: "verdict-detail", text: detail }),
      ...skipped.map((line) => el("p", { class: "verdict-detail", text: line })),
    );
  }

  /** The comment's text with each reason's words in a <mark>. */
  function markedText(comment) {
    const text = comment.text;
    const offsets = codePointOffsets(text);
    const spans = comment.reasons
      .filter((r) => r.length > 0 && r.length < [...text].length)
      .map((r) => ({ start: offsets[r.offset], end: offsets[Math.min(r.offset + r.length, offsets.length - 1)], verdict: r.verdict }))
      .sort((a, b) => a.start - b.start || b.end - a.end);
    const parts = [];
    let at = 0;
    for (const span of spans) {
      if (span.start < at) continue; // overlapping: the first (longest) one is marked
      parts.push(text.slice(at, span.start));
      parts.push(el("mark", { class: `trigger v-${span.verdict}` }, text.slice(span.start, span.end)));
      at = span.end;
    }
    parts.push(text.slice(at));
    return parts;
  }

  function reasonItem(reason) {
    return el(
      "li",
      { class: `reason v-${reason.verdict}` },
      el("span", { class: `badge v-${reason.verdict}`, text: VERDICT_LABEL[reason.verdict] }),
      " ",
      // The words are marked in the comment; named here only when the message does not quote them.
      reason.words && !reason.message.includes(reason.words) ? el("q", { class: "words", text: reason.words }) : null,
      " ",
      el("span", { class: "message", text: reason.message }),
      el("span", { class: "clause" }, "Policy V: ", el("q", { text: reason.clause })),
    );
  }

  function renderTable(data) {
    const rows = data.comments
      .filter((c) => showKept.checked || c.verdict !== "keep")
      .sort((a, b) => VERDICT_ORDER[b.verdict] - VERDICT_ORDER[a.verdict] || a.row - b.row);
    body.replaceChildren(
      ...rows.map((c) =>
        el(
          "tr",
          { class: `v-${c.verdict}`, "data-row": c.row, "data-verdict": c.verdict },
          el("td", { class: "row", text: c.id && c.id !== String(c.row) ? `${c.row} (${c.id})` : String(c.row) }),
          el("td", { class: "author", text: c.author || "" }),
          el("td", { class: "text" }, markedText(c)),
          el("td", { class: "verdict-cell" }, el("span", { class: `badge v-${c.verdict}`, text: VERDICT_LABEL[c.verdict] })),
          el("td", { class: "reasons" }, c.reasons.length ? el("ul", {}, c.reasons.map(reasonItem)) : "No reason to hide it."),
        ),
      ),
    );
    table.hidden = rows.length === 0;
  }
})();
