// The page: send what the person says, draw what Hip Helper answers, and keep the side panel
// (settings, clock, timers) in step with the server's session.
import { ApiError, Session } from "./api.js";
import { el, eventItem, turnItem } from "./render.js";
import { Recorder, localRecogniser, recognise } from "./record.js";

const MUTED_KEY = "hipHelper.muted";
const VISITOR_KEY = "hipHelper.visitor";
const URGENT_TEXT = "Urgent: seek medical attention now";
const $ = (id) => document.getElementById(id);

const page = {
  log: $("log"), live: $("live"), notice: $("notice"), urgent: $("urgent"), empty: $("empty"),
  input: $("say-text"), locale: $("locale"), user: $("user"), aloud: $("aloud"),
};
let state = null;
let queue = Promise.resolve();

// This browser's simulated person when no user name is given: a random token kept in
// localStorage, so each browser is its own person (and comes back as itself), never another's.
function visitor() {
  let token = localStorage.getItem(VISITOR_KEY);
  if (!token || !/^[A-Za-z0-9-]{1,64}$/.test(token)) {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    token = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    localStorage.setItem(VISITOR_KEY, token);
  }
  return token;
}

function chosenSettings() {
  const device = document.querySelector("input[name=device]:checked");
  return {
    locale: page.locale.value || "en-US",
    device: device ? device.value : "screen",
    user: page.user.value.trim(),
    consent: $("consent").value || "accept",
    visitor: visitor(),
  };
}

const session = new Session(chosenSettings, (fresh) => {
  show(fresh);
  addItem(eventItem("Session expired — started a new one"));
  notify("Session expired — started a new one");
});

function notify(text) {
  page.notice.textContent = text;
}

function addItem(item) {
  page.empty.hidden = true;
  page.log.append(item);
  // Keep the newest reply and the message box in sight together, as a chat does.
  $("say-form").scrollIntoView({ block: "end" });
}

function speak(text) {
  if (!("speechSynthesis" in window)) return;
  window.speechSynthesis.cancel();
  if (page.aloud.checked && text) {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = state ? state.settings.locale : "en-US";
    window.speechSynthesis.speak(utterance);
  }
}

function showTurn(turn) {
  addItem(turnItem(turn, notify));
  const heard = [turn.before && turn.before.speech, turn.speech].filter(Boolean).join(" ");
  page.live.textContent = `Hip Helper: ${heard}`;
  // The warning stays until a new conversation starts, even after "stop" ends this one.
  if (turn.urgent) page.urgent.textContent = URGENT_TEXT;
  else if (turn.request.session && turn.request.session.new) page.urgent.textContent = "";
  speak(heard);
}

function formatOffset(seconds) {
  if (!seconds) return "(now)";
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const parts = [];
  if (days) parts.push(`${days} day${days === 1 ? "" : "s"}`);
  if (hours) parts.push(`${hours} hour${hours === 1 ? "" : "s"}`);
  return `(${parts.join(" ") || "less than an hour"} ahead)`;
}

function showClock(clock) {
  const when = new Date(clock.now);
  const time = $("clock-now");
  time.dateTime = clock.now;
  time.textContent = new Intl.DateTimeFormat("en-GB", {
    weekday: "short", day: "numeric", month: "short", year: "numeric",
    hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short",
  }).format(when);
  $("clock-offset").textContent = formatOffset(clock.offset_seconds);
}

function showScheduled(items) {
  const list = $("scheduled");
  list.replaceChildren(...items.map((text) => el("li", { text })));
  if (!items.length) list.append(el("li", { className: "hint", text: "None in this session yet." }));
}

function showLocales(locales, chosen) {
  if (page.locale.options.length === locales.length) {
    page.locale.value = chosen;
    return;
  }
  let names = null;
  try {
    names = new Intl.DisplayNames(["en"], { type: "language" });
  } catch (error) {
    names = null;
  }
  page.locale.replaceChildren(...locales.map((code) =>
    el("option", { value: code, text: names ? `${code} · ${names.of(code)}` : code })));
  page.locale.value = chosen;
}

function show(fresh) {
  state = fresh;
  showLocales(fresh.locales, fresh.settings.locale);
  page.user.value = fresh.settings.user;
  $("consent").value = fresh.settings.consent;
  const device = document.querySelector(`input[name=device][value=${fresh.settings.device}]`);
  if (device) device.checked = true;
  showClock(fresh.clock);
  showScheduled(fresh.scheduled);
}

// Requests run one at a time, in the order the person made them.
function run(task) {
  queue = queue.then(async () => {
    page.log.setAttribute("aria-busy", "true");
    try {
      const result = await task();
      if (result && result.state) show(result.state);
      if (result && result.turn) showTurn(result.turn);
    } catch (error) {
      notify(error instanceof ApiError ? error.message : `Something went wrong: ${error.message}`);
    } finally {
      page.log.setAttribute("aria-busy", "false");
    }
  });
  return queue;
}

function say(text) {
  const words = text.trim();
  if (!words) {
    notify("Type something to say first.");
    page.input.focus();
    return queue;
  }
  notify("");
  return run(() => session.say(words));
}

function newSession() {
  notify("");
  page.log.replaceChildren();
  page.urgent.textContent = "";
  page.empty.hidden = false;
  return run(async () => {
    if (state && state.conversation_open) await session.end();
    return session.launch();
  });
}

function applySettings(event) {
  event.preventDefault();
  const chosen = chosenSettings();
  page.urgent.textContent = "";
  run(async () => {
    const result = await session.configure(chosen);
    const who = chosen.user ? `, user “${chosen.user}”` : "";
    addItem(eventItem(`New conversation: ${chosen.locale}, ${chosen.device}${who}`));
    return result;
  });
}

function moveClock(body) {
  run(() => session.clock(body));
}

function setUpAloud() {
  if (!("speechSynthesis" in window)) {
    page.aloud.checked = false;
    page.aloud.disabled = true;
    $("aloud-hint").hidden = false;
    return;
  }
  page.aloud.checked = localStorage.getItem(MUTED_KEY) !== "1";
  page.aloud.addEventListener("change", () => {
    localStorage.setItem(MUTED_KEY, page.aloud.checked ? "0" : "1");
    if (!page.aloud.checked) window.speechSynthesis.cancel();
  });
}

async function setUpMic() {
  const Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
  const canRecord = Boolean(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
  const local = canRecord && (await localRecogniser());
  const choice = (value) => document.querySelector(`input[name=hearing][value=${value}]`);
  choice("local").disabled = !local;
  choice("browser").disabled = !Recognition;
  $("hearing-hint").hidden = local;
  if (!local) choice("browser").checked = Boolean(Recognition);
  if (!local && !Recognition) return;
  const mic = $("mic");
  mic.hidden = false;
  let listening = null;
  mic.addEventListener("click", () => {
    if (listening) {
      listening.stop();
      return;
    }
    const hearing = document.querySelector("input[name=hearing]:checked");
    listening = hearing && hearing.value === "local" ? recordLocally(mic) : browserRecognition(Recognition, mic);
  });
  const done = () => {
    listening = null;
    mic.setAttribute("aria-pressed", "false");
  };
  mic.addEventListener("listening-ended", done);
}

function said(words) {
  page.input.value = words;
  say(words).then(() => { page.input.value = ""; });
}

// The recogniser may have misheard ("off" for "no", "I can walk" for "I can't walk"): the check
// is shown and said, and the answer, recorded next, goes to the same check on the server.
function checked(heard) {
  addItem(eventItem(`Heard “${heard.words}”. ${heard.ask}`));
  page.live.textContent = heard.ask;
  notify(`${heard.ask} Press the microphone to answer.`);
  speak(heard.ask);
}

function recordLocally(mic) {
  const recorder = new Recorder();
  const ended = () => mic.dispatchEvent(new Event("listening-ended"));
  let finished = false;
  const finish = async () => {
    if (finished) return;
    finished = true;
    ended();
    try {
      const heard = await recognise(await recorder.stop(), chosenSettings().locale, session.id);
      if (heard.ask) checked(heard);
      else if (heard.say) said(heard.say);
      else notify("I heard nothing: press the microphone and speak again.");
    } catch (error) {
      notify(`Voice input stopped: ${error.message}`);
    }
  };
  recorder.onlong = finish;
  recorder.start().then(() => {
    mic.setAttribute("aria-pressed", "true");
    notify("Recording on this machine… press the microphone again when you have finished.");
  }, (error) => {
    ended();
    notify(`Voice input stopped: ${error.message}`);
  });
  return { stop: finish };
}

function browserRecognition(Recognition, mic) {
  const listening = new Recognition();
  listening.lang = chosenSettings().locale;
  listening.interimResults = false;
  listening.onresult = (event) => said(event.results[0][0].transcript);
  listening.onerror = (event) => notify(`Voice input stopped: ${event.error}`);
  listening.onend = () => mic.dispatchEvent(new Event("listening-ended"));
  mic.setAttribute("aria-pressed", "true");
  notify("Listening (the browser's recognition)…");
  listening.start();
  return listening;
}

function wire() {
  $("say-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = page.input.value;
    if (text.trim()) page.input.value = "";
    say(text);
  });
  for (const button of document.querySelectorAll("[data-say]")) {
    button.addEventListener("click", () => say(button.dataset.say));
  }
  for (const button of document.querySelectorAll("[data-advance]")) {
    button.addEventListener("click", () => moveClock({ advance: button.dataset.advance }));
  }
  $("clock-reset").addEventListener("click", () => moveClock({ reset: true }));
  $("new-session").addEventListener("click", newSession);
  $("settings-form").addEventListener("submit", applySettings);
  window.addEventListener("pagehide", () => session.close());
}

wire();
setUpAloud();
setUpMic();
run(async () => ({ state: await session.start() })).then(() => {
  document.body.dataset.ready = "true";
});
