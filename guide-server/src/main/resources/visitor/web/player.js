// Plays the guide's answers with Web Audio: streamed WAV frames as they arrive, or a whole file by URL.
// Browsers keep audio muted until a gesture, so `unlock()` is called from the visitor's first tap.

const FADE_SECONDS = 0.03;
const START_LEAD_SECONDS = 0.04;
/** Schedules streamed audio in pieces of at least this many seconds, so short frames do not stutter. */
const MIN_PIECE_SECONDS = 0.08;

export class Player {
  constructor({ onStart = () => {}, onIdle = () => {}, onCut = () => {} } = {}) {
    this.onStart = onStart;
    this.onIdle = onIdle;
    this.onCut = onCut;
    this.context = null;
    this.output = null;
    this.sources = new Set();
    this.generation = 0;
    this.stream = null;
  }

  /** Creates or resumes the audio context; call it from inside a user gesture (tap, key). */
  unlock() {
    if (!this.context) {
      const Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) return null;
      this.context = new Context({ latencyHint: 'interactive' });
      this.output = this.context.createGain();
      this.output.connect(this.context.destination);
      setSessionType('playback');
    }
    if (this.context.state !== 'running') {
      this.context.resume().catch(() => {});
      // iOS starts the output only once something has been played inside the gesture
      const silence = this.context.createBuffer(1, 1, this.context.sampleRate);
      const source = this.context.createBufferSource();
      source.buffer = silence;
      source.connect(this.context.destination);
      source.start();
    }
    return this.context;
  }

  get unlocked() {
    return !!this.context && this.context.state === 'running';
  }

  get playing() {
    return this.sources.size > 0 || (this.stream !== null && !this.stream.ended);
  }

  /** Cuts off whatever is playing (barge-in, Stop), with a short fade so it does not click. */
  stop() {
    this.generation++;
    if (this.stream) this.stream.cancelled = true;
    this.stream = null;
    if (this.context && this.sources.size) {
      const now = this.context.currentTime;
      const fading = this.output;
      fading.gain.setValueAtTime(fading.gain.value, now);
      fading.gain.linearRampToValueAtTime(0, now + FADE_SECONDS);
      for (const source of this.sources) {
        source.onended = null;
        try { source.stop(now + FADE_SECONDS); } catch { /* already stopped */ }
      }
      this.sources.clear();
      this.output = this.context.createGain();
      this.output.connect(this.context.destination);
      setTimeout(() => fading.disconnect(), 200);
      this.onCut();
    }
    this.onIdle();
  }

  /** Starts a streamed answer: feed it WAV frames (a header first, then PCM), then end() it. */
  startStream() {
    this.stop();
    this.stream = new StreamedAnswer(this, this.generation);
    return this.stream;
  }

  /** Plays an AudioBuffer (a replay of a streamed answer). */
  playBuffer(buffer) {
    this.stop();
    if (!this.context) return false;
    this.schedule(buffer, this.context.currentTime + START_LEAD_SECONDS, this.generation, true);
    return true;
  }

  /** Fetches and plays a whole answer file; resolves to true once it has started. */
  async playUrl(url) {
    this.stop();
    const generation = this.generation;
    if (!this.context) return false;
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`audio ${response.status}`);
    const bytes = await response.arrayBuffer();
    const buffer = await decode(this.context, bytes);
    if (generation !== this.generation) return false;
    this.schedule(buffer, this.context.currentTime + START_LEAD_SECONDS, generation, true);
    return buffer;
  }

  schedule(buffer, when, generation, first) {
    if (generation !== this.generation || !this.context) return when;
    const source = this.context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.output);
    const start = Math.max(when, this.context.currentTime + 0.005);
    source.start(start);
    this.sources.add(source);
    source.onended = () => {
      this.sources.delete(source);
      if (!this.playing) this.onIdle();
    };
    if (first) {
      const delay = Math.max(0, (start - this.context.currentTime) * 1000);
      setTimeout(() => { if (generation === this.generation) this.onStart(); }, delay);
    }
    return start + buffer.duration;
  }
}

/** An answer arriving as WAV over the voice socket: a RIFF header, then PCM, possibly split anywhere. */
class StreamedAnswer {
  constructor(player, generation) {
    this.player = player;
    this.generation = generation;
    this.format = null;
    this.header = null;
    this.remainder = null;
    this.pending = [];
    this.pendingFrames = 0;
    this.recorded = [];
    this.nextTime = 0;
    this.started = false;
    this.ended = false;
    this.cancelled = false;
  }

  feed(data) {
    if (this.cancelled) return;
    let bytes = new Uint8Array(data);
    if (this.header) {
      bytes = concat(this.header, bytes);
      this.header = null;
    }
    if (isRiff(bytes)) {
      const parsed = parseWavHeader(bytes);
      if (!parsed) {
        this.header = bytes;
        return;
      }
      this.format = parsed.format;
      this.remainder = null;
      bytes = bytes.subarray(parsed.dataOffset, parsed.dataEnd);
    }
    if (!this.format) return;
    if (this.remainder) {
      bytes = concat(this.remainder, bytes);
      this.remainder = null;
    }
    const frameBytes = this.format.frameBytes;
    const whole = bytes.length - (bytes.length % frameBytes);
    if (whole < bytes.length) this.remainder = bytes.slice(whole);
    if (whole === 0) return;
    const samples = toFloat(bytes.subarray(0, whole), this.format);
    this.pending.push(samples);
    this.pendingFrames += samples.length;
    this.recorded.push(samples);
    if (this.pendingFrames >= this.format.sampleRate * MIN_PIECE_SECONDS) this.flush();
  }

  end() {
    if (this.cancelled) return;
    this.flush();
    this.ended = true;
    if (!this.player.playing) this.player.onIdle();
  }

  flush() {
    const context = this.player.context;
    if (!this.pendingFrames || !context || !this.format) return;
    const buffer = context.createBuffer(1, this.pendingFrames, this.format.sampleRate);
    const channel = buffer.getChannelData(0);
    let offset = 0;
    for (const piece of this.pending) {
      channel.set(piece, offset);
      offset += piece.length;
    }
    this.pending = [];
    this.pendingFrames = 0;
    if (this.nextTime < context.currentTime + 0.005) this.nextTime = context.currentTime + START_LEAD_SECONDS;
    this.nextTime = this.player.schedule(buffer, this.nextTime, this.generation, !this.started);
    this.started = true;
  }

  /** The whole answer as one buffer, for a replay; null if nothing arrived. */
  recording() {
    const context = this.player.context;
    const frames = this.recorded.reduce((sum, piece) => sum + piece.length, 0);
    if (!context || !frames || !this.format) return null;
    const buffer = context.createBuffer(1, frames, this.format.sampleRate);
    const channel = buffer.getChannelData(0);
    let offset = 0;
    for (const piece of this.recorded) {
      channel.set(piece, offset);
      offset += piece.length;
    }
    return buffer;
  }
}

function setSessionType(type) {
  // iOS 17+: let answers play even with the ring switch on silent, and keep the microphone usable
  try { if (navigator.audioSession) navigator.audioSession.type = type; } catch { /* not supported */ }
}

export function setRecording(recording) {
  setSessionType(recording ? 'play-and-record' : 'playback');
}

function decode(context, bytes) {
  return new Promise((resolve, reject) => {
    const result = context.decodeAudioData(bytes, resolve, reject);
    if (result && result.then) result.then(resolve, reject);
  });
}

function concat(a, b) {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

function ascii(bytes, offset) {
  return String.fromCharCode(bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]);
}

function isRiff(bytes) {
  return bytes.length >= 12 && ascii(bytes, 0) === 'RIFF' && ascii(bytes, 8) === 'WAVE';
}

/** The format and where the samples are, or null if the header is not complete yet. */
function parseWavHeader(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 12;
  let format = null;
  while (offset + 8 <= bytes.length) {
    const id = ascii(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (body + 16 > bytes.length) return null;
      const code = view.getUint16(body, true);
      const channels = view.getUint16(body + 2, true);
      const sampleRate = view.getUint32(body + 4, true);
      const bits = view.getUint16(body + 14, true);
      const extensibleFloat = code === 0xfffe && size >= 40 && body + 26 <= bytes.length && view.getUint16(body + 24, true) === 3;
      format = {
        float: code === 3 || extensibleFloat, channels, sampleRate, bits, frameBytes: channels * (bits / 8),
      };
    } else if (id === 'data') {
      if (!format) return null;
      // a streamed WAV's data size is unknown (0 or 0xFFFFFFFF): then everything that follows is audio
      const known = size > 0 && size !== 0xffffffff && body + size <= bytes.length;
      return { format, dataOffset: body, dataEnd: known ? body + size : bytes.length };
    }
    offset = body + size + (size % 2);
  }
  return null;
}

function toFloat(bytes, format) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const frames = bytes.length / format.frameBytes;
  const out = new Float32Array(frames);
  const step = format.bits / 8;
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < format.channels; c++) {
      const at = i * format.frameBytes + c * step;
      if (format.float) sum += format.bits === 64 ? view.getFloat64(at, true) : view.getFloat32(at, true);
      else if (format.bits === 16) sum += view.getInt16(at, true) / 32768;
      else if (format.bits === 8) sum += (view.getUint8(at) - 128) / 128;
      else if (format.bits === 24) sum += (((view.getUint8(at + 2) << 24) | (view.getUint8(at + 1) << 16) | (view.getUint8(at) << 8)) >> 8) / 8388608;
      else if (format.bits === 32) sum += view.getInt32(at, true) / 2147483648;
    }
    out[i] = sum / format.channels;
  }
  return out;
}
