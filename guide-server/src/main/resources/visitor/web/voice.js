// The microphone (through an AudioWorklet, as 16 kHz s16le) and the voice WebSocket of a session.

import { setRecording } from './player.js';

/** Why the microphone cannot be used: 'denied' (refused), 'absent' (none), 'unsupported' (browser). */
export class MicrophoneError extends Error {
  constructor(kind, cause) {
    super(`microphone ${kind}`);
    this.kind = kind;
    this.cause = cause;
  }
}

export function microphoneSupported() {
  return !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia && window.AudioWorkletNode);
}

export class Microphone {
  constructor() {
    this.loaded = new WeakSet();
    this.attempts = 0;
    this.ownContext = null;
    this.stream = null;
    this.source = null;
    this.node = null;
    this.sink = null;
  }

  get live() {
    return !!this.node;
  }

  /**
   * Starts capturing (in the playback context when it can, so one unlock serves both); `onChunk(ArrayBuffer)`
   * gets s16le PCM at 16 kHz. A release() while this is starting cancels it.
   */
  async start(playback, onChunk, onLevel) {
    if (!microphoneSupported() || !playback || !playback.audioWorklet) throw new MicrophoneError('unsupported');
    const attempt = ++this.attempts;
    await this.load(playback);
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
      });
    } catch (failure) {
      const denied = failure && (failure.name === 'NotAllowedError' || failure.name === 'SecurityError');
      throw new MicrophoneError(denied ? 'denied' : 'absent', failure);
    }
    let context = playback;
    let source;
    try {
      source = context.createMediaStreamSource(stream);
    } catch {
      // Firefox cannot join a microphone to a context running at another rate: capture in one at its rate
      const rate = stream.getAudioTracks()[0].getSettings().sampleRate;
      if (!this.ownContext || this.ownContext.sampleRate !== rate) {
        this.ownContext = new (window.AudioContext || window.webkitAudioContext)(rate ? { sampleRate: rate } : {});
      }
      context = this.ownContext;
      await this.load(context);
      source = context.createMediaStreamSource(stream);
    }
    if (attempt !== this.attempts) {
      stream.getTracks().forEach((track) => track.stop());
      throw new MicrophoneError('cancelled');
    }
    this.release();
    this.attempts = attempt;
    setRecording(true);
    this.stream = stream;
    this.source = source;
    this.node = new AudioWorkletNode(context, 'hg-downsampler', { numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [1] });
    this.node.port.onmessage = (event) => {
      onLevel(event.data.level);
      onChunk(event.data.pcm);
    };
    // a node only runs while something pulls on it: a silent path to the speakers does
    this.sink = context.createGain();
    this.sink.gain.value = 0;
    this.source.connect(this.node);
    this.node.connect(this.sink);
    this.sink.connect(context.destination);
    if (context.state !== 'running') context.resume().catch(() => {});
  }

  async load(context) {
    if (!this.loaded.has(context)) {
      await context.audioWorklet.addModule(new URL('./mic-worklet.js', import.meta.url));
      this.loaded.add(context);
    }
  }

  /** Stops capturing, after the last partial chunk has been handed over. */
  async stop() {
    const node = this.node;
    if (!node) return;
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 150);
      const deliver = node.port.onmessage;
      node.port.onmessage = (event) => {
        deliver(event);
        clearTimeout(timer);
        resolve();
      };
      node.port.postMessage('flush');
    });
    this.release();
  }

  release() {
    this.attempts++;
    if (this.node) {
      this.node.port.onmessage = null;
      this.node.disconnect();
    }
    if (this.source) this.source.disconnect();
    if (this.sink) this.sink.disconnect();
    if (this.stream) this.stream.getTracks().forEach((track) => track.stop());
    if (this.stream) setRecording(false);
    this.node = this.source = this.sink = this.stream = null;
  }
}

/**
 * The voice WebSocket of one session. Text messages are JSON (partial, transcript, answer, audio,
 * audio-end, error); binary messages are answer audio.
 */
export class VoiceSocket {
  constructor({ url, onMessage, onAudio, onClose }) {
    this.url = url;
    this.onMessage = onMessage;
    this.onAudio = onAudio;
    this.onClose = onClose;
    this.socket = null;
    this.opening = null;
  }

  get open() {
    return !!this.socket && this.socket.readyState === WebSocket.OPEN;
  }

  /** Resolves once connected; rejects if the connection could not be made. */
  connect() {
    if (this.open) return Promise.resolve();
    if (this.opening) return this.opening;
    this.opening = new Promise((resolve, reject) => {
      const socket = new WebSocket(this.url());
      socket.binaryType = 'arraybuffer';
      let opened = false;
      socket.onopen = () => {
        opened = true;
        this.opening = null;
        resolve();
      };
      socket.onmessage = (event) => {
        if (socket !== this.socket) return;
        if (typeof event.data === 'string') {
          let message;
          try { message = JSON.parse(event.data); } catch { return; }
          this.onMessage(message);
        } else {
          this.onAudio(event.data);
        }
      };
      socket.onclose = (event) => {
        const current = socket === this.socket;
        if (current) this.socket = null;
        if (!opened) {
          if (current) this.opening = null;
          reject(new Error(`voice socket closed before opening (${event.code})`));
        } else if (current) {
          this.onClose(event);
        }
      };
      this.socket = socket;
    });
    return this.opening;
  }

  send(message) {
    if (!this.open) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  sendAudio(pcm) {
    if (!this.open) return false;
    this.socket.send(pcm);
    return true;
  }

  /** Closes on purpose (another session): no onClose. */
  close() {
    const socket = this.socket;
    this.socket = null;
    this.opening = null;
    if (socket) socket.close(1000);
  }
}
