package org.heritageguide.kiosk.audio;

import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sound.sampled.AudioFormat;

import org.heritageguide.audio.Wav;

/**
 * Plays the guide's answers as their WAV bytes arrive (streamed over the voice WebSocket, or fetched
 * whole), on its own thread. {@link #stop()} silences it at once: the visitor spoke again (barge-in) or
 * walked away; bytes of the old answer that still arrive are dropped until the next answer begins.
 */
public final class AnswerPlayer implements AutoCloseable {

    private static final Logger log = Logger.getLogger(AnswerPlayer.class.getName());

    private sealed interface Command permits Begin, Bytes, End, Quit {
    }

    private record Begin(long generation) implements Command {
    }

    private record Bytes(long generation, byte[] data) implements Command {
    }

    private record End(long generation) implements Command {
    }

    private record Quit() implements Command {
    }

    private final AudioOutput output;
    private final BlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong bytesPlayed = new AtomicLong();
    private final Thread thread;
    private volatile boolean playing;
    private volatile Runnable onFinished = () -> { };
    private boolean speakerMissingLogged;

    public AnswerPlayer(AudioOutput output) {
        this.output = output;
        this.thread = new Thread(this::run, "kiosk-answer-player");
        thread.setDaemon(true);
        thread.start();
    }

    /** Called (on the player's thread) each time an answer has played to its end. */
    public void onFinished(Runnable listener) {
        this.onFinished = listener;
    }

    public void begin() {
        commands.add(new Begin(generation.get()));
    }

    public void bytes(byte[] wav) {
        commands.add(new Bytes(generation.get(), wav));
    }

    public void end() {
        commands.add(new End(generation.get()));
    }

    public void play(byte[] wholeWav) {
        long current = generation.get();
        commands.add(new Begin(current));
        commands.add(new Bytes(current, wholeWav));
        commands.add(new End(current));
    }

    /** Silence now, and forget whatever of the current answer is still to come. */
    public void stop() {
        generation.incrementAndGet();
        commands.clear();
        if (playing) {
            output.cut();
        }
    }

    public boolean playing() {
        return playing;
    }

    /** PCM bytes played since start, for the health line and the tests. */
    public long bytesPlayed() {
        return bytesPlayed.get();
    }

    @Override
    public void close() {
        stop();
        commands.add(new Quit());
    }

    private void run() {
        WavStream wav = null;
        long current = -1;
        while (true) {
            Command command;
            try {
                command = commands.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (command instanceof Quit) {
                    return;
                } else if (command instanceof Begin begin) {
                    closeIfPlaying();
                    current = begin.generation();
                    wav = begin.generation() == generation.get() ? new WavStream() : null;
                } else if (command instanceof Bytes bytes) {
                    if (wav != null && bytes.generation() == current && current == generation.get()) {
                        wav = feed(wav, bytes.data());
                    }
                } else if (command instanceof End end) {
                    if (playing && end.generation() == generation.get()) {
                        output.finish();
                        playing = false;
                        onFinished.run();
                    }
                    wav = null;
                }
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "An answer could not be played", e);
                closeIfPlaying();
                wav = null;
            }
        }
    }

    private WavStream feed(WavStream wav, byte[] data) {
        byte[] pcm = wav.accept(data);
        if (wav.format() == null) {
            return wav;
        }
        if (!playing) {
            try {
                output.open(wav.format());
                playing = true;
            } catch (AudioUnavailableException e) {
                if (!speakerMissingLogged) {
                    log.warning("No speaker can be opened (" + e.getMessage() + "): answers are shown as text only");
                    speakerMissingLogged = true;
                }
                return null;
            }
        }
        if (pcm.length > 0) {
            output.write(pcm, 0, pcm.length);
            bytesPlayed.addAndGet(pcm.length);
        }
        return wav;
    }

    private void closeIfPlaying() {
        if (playing) {
            output.cut();
            playing = false;
        }
    }

    /** Reads a WAV file that arrives in pieces: the header first, then the PCM it describes. */
    static final class WavStream {
        private byte[] header = new byte[0];
        private AudioFormat format;

        AudioFormat format() {
            return format;
        }

        /**
         * The PCM bytes in {@code data}, once the header is complete; until then, nothing. The data's
         * length may be unknown in a stream, so everything after the header is played.
         */
        byte[] accept(byte[] data) {
            if (format != null) {
                return data;
            }
            byte[] joined = Arrays.copyOf(header, header.length + data.length);
            System.arraycopy(data, 0, joined, header.length, data.length);
            Wav.Header found = Wav.header(joined);
            if (found == null) {
                header = joined;
                return new byte[0];
            }
            format = found.format();
            header = null;
            return Arrays.copyOfRange(joined, found.dataOffset(), joined.length);
        }
    }
}
