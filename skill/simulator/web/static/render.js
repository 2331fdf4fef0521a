// Draw one turn: what was said, what the skill answered, and the details behind it.
// Only textContent is ever set from the skill's data, so nothing it says can become markup.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "text") node.textContent = value;
    else if (name === "className") node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function json(value) {
  return JSON.stringify(value, null, 2);
}

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = el("textarea", { "aria-hidden": "true", className: "offscreen" });
  area.value = text;
  document.body.append(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}

function copyButton(label, text, announce) {
  const button = el("button", { type: "button", className: "copy", text: `Copy ${label}` });
  button.addEventListener("click", async () => {
    try {
      await copyText(text);
      announce(`${label} copied`);
    } catch (error) {
      announce(`Could not copy: ${error.message}`);
    }
  });
  return button;
}

function envelope(label, value, announce) {
  return el("details", { className: "envelope" },
    el("summary", { text: label }),
    copyButton(label.toLowerCase(), json(value), announce),
    el("pre", {}, el("code", { text: json(value) })));
}

function row(list, term, value) {
  if (value === null || value === undefined || value === "") return;
  list.append(el("dt", { text: term }), el("dd", { text: String(value) }));
}

function slotText(name, info) {
  const values = (info.resolution && info.resolution.values) || [];
  const resolved = values.length ? values[0].id : info.resolution && info.resolution.status;
  return `${name} = “${info.value}” → ${resolved}`;
}

function nlu(turn) {
  const list = el("dl", { className: "facts" });
  row(list, "Intent", turn.intent);
  const slots = Object.entries(turn.slots).map(([k, v]) => `${k} = “${v}”`).join(", ");
  row(list, "Slots", slots || "none");
  const why = turn.explain;
  if (why) {
    row(list, "Score", `${why.score.toFixed(2)} (threshold ${why.threshold.toFixed(2)})`);
    row(list, "Matched sample", why.sample || "none: below the threshold");
    const resolved = Object.entries(why.slots).map(([k, v]) => slotText(k, v)).join("; ");
    row(list, "Resolved", resolved);
    const runner = why.runner_up;
    if (runner) row(list, "Runner-up", `${runner.intent} ${runner.score.toFixed(2)} via “${runner.sample}”`);
    const spotted = why.spotted.map((s) => `${s.type}: “${s.words}”`).join("; ");
    row(list, "Spotted", spotted);
  } else {
    row(list, "Why", "sent as a request, not understood from words");
  }
  if (turn.directives.length) row(list, "Directives", turn.directives.join(", "));
  return list;
}

function reader(turn) {
  // What the skill's reader found in the person's own words, and why.
  const found = turn.reading;
  const list = el("dl", { className: "facts" });
  if (!found) {
    row(list, "Words", "none handed over: Alexa's intent and slots only");
    return list;
  }
  row(list, "Words", `“${found.words}”`);
  row(list, "Read as", found.read_as);
  const signs = found.signs.map((s) =>
    `${s.id} (${s.level}, ${s.status}${s.cue ? ` by “${s.cue}”` : ""}; “${s.phrase}”)`).join("; ");
  row(list, "Warning signs", signs || "none");
  row(list, "Raised", found.flags.join(", ") || "none");
  if (found.answer) row(list, "Answer", found.answer);
  if (found.helper || found.child) {
    row(list, "Whose pain", [found.helper && "someone they help", found.child && "a child"]
      .filter(Boolean).join(", "));
  }
  const features = Object.entries(found.features).map(([g, ids]) => `${g}: ${ids.join(", ")}`);
  row(list, "Features", features.join("; ") || "none");
  for (const key of ["condition", "topic", "action", "command", "particle", "started", "duration"]) {
    if (found[key]) row(list, key[0].toUpperCase() + key.slice(1), found[key]);
  }
  return list;
}

function attributes(turn, announce) {
  const list = el("dl", { className: "facts highlight" });
  for (const [key, value] of Object.entries(turn.highlights)) {
    const dd = el("dd", { text: value === null ? "not yet known" : String(value) });
    if (key === "triage" && value) dd.className = `triage triage-${value}`;
    list.append(el("dt", { text: key }), dd);
  }
  return el("div", {}, list,
    envelope("All session attributes", turn.session_attributes, announce));
}

function details(turn, announce) {
  // After a permission prompt, the words were understood in the turn before Alexa's answer.
  const understood = turn.before || turn;
  const facts = nlu(understood);
  if (turn.before) row(facts, "Then Alexa sent", `${turn.intent} (${turn.permission})`);
  return el("details", { className: "details" },
    el("summary", { text: `Details: ${understood.intent}` }),
    el("h4", { text: "What the NLU understood" }), facts,
    el("h4", { text: "What the reader found" }), reader(understood),
    el("h4", { text: "Session attributes" }), attributes(turn, announce),
    el("h4", { text: "Envelopes" }),
    envelope("Request envelope", turn.request, announce),
    envelope("Response envelope", turn.response, announce),
    turn.before && envelope("Permission request envelope", turn.before.request, announce),
    turn.before && envelope("Permission response envelope", turn.before.response, announce));
}

function reply(turn) {
  const box = el("div", { className: turn.urgent ? "msg alexa urgent-msg" : "msg alexa" },
    el("span", { className: "who", text: "Hip Helper" }),
    el("p", { className: "speech", text: turn.speech || "(no speech)" }));
  if (turn.reprompt) {
    box.append(el("p", { className: "reprompt" },
      el("span", { className: "tag", text: "Reprompt" }), " ", turn.reprompt));
  }
  if (turn.card) {
    box.append(el("div", { className: "card" },
      el("span", { className: "tag", text: "Card" }),
      el("p", { className: "card-title", text: turn.card.title }),
      el("p", { className: "card-text", text: turn.card.text })));
  }
  return box;
}

export function turnItem(turn, announce) {
  const item = el("li", { className: "turn" });
  if (turn.said !== null) {
    item.append(el("div", { className: "msg you" },
      el("span", { className: "who", text: "You" }), el("p", { text: turn.said })));
  } else {
    const kind = turn.request.request.type;
    item.append(el("p", { className: "event", text: kind }));
  }
  if (turn.before) {
    // The skill asked for a permission and Alexa put the question to the person first.
    item.append(reply(turn.before));
    item.append(el("p", { className: "event", text: `Permission ${turn.permission}` }));
  }
  item.append(reply(turn));
  for (const text of turn.scheduled) item.append(el("p", { className: "event scheduled-event", text }));
  if (turn.end_session) item.append(el("p", { className: "event ended", text: "Session ended" }));
  item.append(details(turn, announce));
  return item;
}

export function eventItem(text) {
  return el("li", { className: "turn" }, el("p", { className: "event", text }));
}
