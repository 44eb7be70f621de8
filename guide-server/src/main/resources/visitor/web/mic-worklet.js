// Runs on the audio thread: turns the microphone (44.1 or 48 kHz, float) into 16 kHz mono s16le
// chunks for the voice socket. A windowed-sinc low-pass keeps what is above 8 kHz from folding back
// into the speech band; then samples are read at the 16 kHz instants by linear interpolation.

const TARGET_RATE = 16000;
const CHUNK_SAMPLES = 640; // 40 ms: partial transcripts stay lively without flooding the socket
const TAPS = 31;

function lowPass(inputRate) {
  if (inputRate <= TARGET_RATE) return Float32Array.of(1);
  const cutoff = 7200 / inputRate;
  const taps = new Float32Array(TAPS);
  const middle = (TAPS - 1) / 2;
  let sum = 0;
  for (let i = 0; i < TAPS; i++) {
    const x = i - middle;
    const sinc = x === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
    const window = 0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (TAPS - 1));
    taps[i] = sinc * window;
    sum += taps[i];
  }
  for (let i = 0; i < TAPS; i++) taps[i] /= sum;
  return taps;
}

class Downsampler extends AudioWorkletProcessor {
  constructor() {
    super();
    this.step = sampleRate / TARGET_RATE;
    this.taps = lowPass(sampleRate);
    this.history = new Float32Array(this.taps.length);
    this.cursor = 0;
    this.until = 0; // where the next output sample falls, relative to the current input sample
    this.previous = 0;
    this.chunk = new Int16Array(CHUNK_SAMPLES);
    this.filled = 0;
    this.energy = 0;
    this.port.onmessage = (event) => {
      if (event.data === 'flush') this.flush();
    };
  }

  process(inputs) {
    const input = inputs[0];
    if (!input || input.length === 0) return true;
    const channels = input.length;
    const frames = input[0].length;
    const taps = this.taps;
    const history = this.history;
    const length = taps.length;
    for (let i = 0; i < frames; i++) {
      let sample = 0;
      for (let c = 0; c < channels; c++) sample += input[c][i];
      sample /= channels;
      history[this.cursor] = sample;
      let filtered = 0;
      for (let k = 0, at = this.cursor; k < length; k++) {
        filtered += taps[k] * history[at];
        at = at === 0 ? length - 1 : at - 1;
      }
      this.cursor = this.cursor + 1 === length ? 0 : this.cursor + 1;
      while (this.until <= 0) {
        this.emit(filtered + (filtered - this.previous) * this.until);
        this.until += this.step;
      }
      this.until -= 1;
      this.previous = filtered;
    }
    return true;
  }

  emit(value) {
    const clipped = Math.max(-1, Math.min(1, value));
    this.chunk[this.filled++] = clipped < 0 ? clipped * 32768 : clipped * 32767;
    this.energy += clipped * clipped;
    if (this.filled === CHUNK_SAMPLES) this.flush();
  }

  flush() {
    if (this.filled === 0) return;
    const pcm = this.chunk.slice(0, this.filled);
    const level = Math.sqrt(this.energy / this.filled);
    this.port.postMessage({ pcm: pcm.buffer, level }, [pcm.buffer]);
    this.filled = 0;
    this.energy = 0;
  }
}

registerProcessor('hg-downsampler', Downsampler);
