// Recording for the local recogniser: microphone audio as a 16 kHz, 16-bit mono wav, made in the
// page and sent only to this server (POST /simulator/api/recognise).
const RATE = 16000;
const LONGEST_SECONDS = 15;

export async function localRecogniser() {
  try {
    const response = await fetch("/simulator/api/recognise", { headers: { Accept: "application/json" } });
    return response.ok && (await response.json()).available === true;
  } catch (error) {
    return false;
  }
}

export class Recorder {
  // start() asks for the microphone and records; stop() resolves with the wav bytes.
  async start() {
    this.stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1 } });
    this.context = new AudioContext();
    const source = this.context.createMediaStreamSource(this.stream);
    this.node = this.context.createScriptProcessor(4096, 1, 1);
    this.chunks = [];
    this.node.onaudioprocess = (event) => {
      this.chunks.push(new Float32Array(event.inputBuffer.getChannelData(0)));
    };
    source.connect(this.node);
    this.node.connect(this.context.destination);
    this.timer = setTimeout(() => this.onlong && this.onlong(), LONGEST_SECONDS * 1000);
  }

  async stop() {
    clearTimeout(this.timer);
    this.node.disconnect();
    for (const track of this.stream.getTracks()) track.stop();
    const rate = this.context.sampleRate;
    await this.context.close();
    return wav(downsample(this.chunks, rate));
  }
}

function downsample(chunks, rate) {
  const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const all = new Float32Array(length);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  const step = rate / RATE;
  const out = new Int16Array(Math.floor(length / step));
  for (let i = 0; i < out.length; i += 1) {
    // the mean over each step: a little low-pass before dropping samples
    const from = Math.floor(i * step);
    const to = Math.max(from + 1, Math.floor((i + 1) * step));
    let sum = 0;
    for (let j = from; j < to; j += 1) sum += all[j];
    const value = Math.max(-1, Math.min(1, sum / (to - from)));
    out[i] = value < 0 ? value * 0x8000 : value * 0x7fff;
  }
  return out;
}

function wav(samples) {
  const buffer = new ArrayBuffer(44 + samples.length * 2);
  const view = new DataView(buffer);
  const text = (at, s) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, "RIFF");
  view.setUint32(4, 36 + samples.length * 2, true);
  text(8, "WAVEfmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, RATE, true);
  view.setUint32(28, RATE * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, "data");
  view.setUint32(40, samples.length * 2, true);
  new Int16Array(buffer, 44).set(samples);
  return new Blob([buffer], { type: "audio/wav" });
}

// What the server heard in this session's recording: {words, say, ask}. `say` goes to the skill
// like typed text; `ask` is the voice loop's check ("Just to check: ..."), said before listening on.
export async function recognise(blob, locale, session) {
  const query = `locale=${encodeURIComponent(locale)}` +
    (session ? `&session=${encodeURIComponent(session)}` : "");
  const response = await fetch(`/simulator/api/recognise?${query}`, {
    method: "POST", headers: { "Content-Type": "audio/wav", Accept: "application/json" }, body: blob,
  });
  const data = await response.json().catch(() => ({}));
  // An expired session: heard without it, and the page's next say starts a new one.
  if (session && data.code === "unknown_session") return recognise(blob, locale, null);
  if (!response.ok) throw new Error(data.error || `The server answered ${response.status}`);
  return { words: data.words, say: data.say === undefined ? data.words : data.say, ask: data.ask };
}
