// post-lint serve: helpers both of the page's scripts use (app.js: the draft; comments.js: the
// comments tab). Loaded first; everything is on one global, window.postLint.
"use strict";

window.postLint = (() => {
  /** An element with attributes ("class", "text", "on<event>" handlers, others as attributes) and children. */
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

  /** UTF-16 index of every code-point offset of `text` (and of its end): the server's offsets are code points. */
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

  function capitalise(s) {
    return s ? s[0].toUpperCase() + s.slice(1) : s;
  }

  return { el, plural, codePointOffsets, capitalise };
})();
