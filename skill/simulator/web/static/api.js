// The simulator's JSON API, with one rule the page relies on: an expired session is replaced
// transparently (a server restart or another worker process loses it), and the page is told.

const BASE = "/simulator/api/sessions";

export class ApiError extends Error {
  constructor(status, message, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function request(method, url, body) {
  const init = { method, headers: { Accept: "application/json" } };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new ApiError(0, "Could not reach the simulator: is the server still running?", "network");
  }
  if (response.status === 204) return null;
  let data = null;
  try {
    data = await response.json();
  } catch (error) {
    data = null;
  }
  if (!response.ok) {
    const message = (data && data.error) || `The server answered ${response.status}`;
    throw new ApiError(response.status, message, data && data.code);
  }
  return data;
}

export class Session {
  // settings() returns the options to start a session with; onRestart(state) is called when an
  // expired session was replaced, before the call that found it expired is retried.
  constructor(settings, onRestart) {
    this.settings = settings;
    this.onRestart = onRestart;
    this.id = null;
  }

  async start() {
    const state = await request("POST", BASE, this.settings());
    this.id = state.session;
    return state;
  }

  async call(method, action, body) {
    if (this.id === null) await this.start();
    try {
      return await request(method, this.url(action), body);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== "unknown_session") throw error;
      this.onRestart(await this.start());
      return request(method, this.url(action), body);
    }
  }

  url(action) {
    return `${BASE}/${encodeURIComponent(this.id)}${action ? "/" + action : ""}`;
  }

  say(text) { return this.call("POST", "say", { text }); }
  launch() { return this.call("POST", "launch", {}); }
  end() { return this.call("POST", "end", {}); }
  state() { return this.call("GET", ""); }
  configure(settings) { return this.call("POST", "settings", settings); }
  clock(body) { return this.call("POST", "clock", body); }

  close() {
    // The tab is going away: free the server's memory now rather than after an idle hour.
    if (this.id === null) return;
    fetch(this.url(""), { method: "DELETE", keepalive: true }).catch(() => {});
  }
}
