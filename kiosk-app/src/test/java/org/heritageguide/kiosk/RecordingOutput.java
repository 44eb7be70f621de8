package org.heritageguide.kiosk;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sound.sampled.AudioFormat;

import org.heritageguide.kiosk.audio.AudioOutput;

/**
 * The speakers of a test: keeps what the kiosk played, clip by clip (each answer or greeting opens one),
 * and how often it was cut off.
 */
final class RecordingOutput implements AudioOutput {

    /** One clip: its format, the PCM bytes played, and whether it played to its end. */
    static final class Clip {
        final AudioFormat format;
        final AtomicLong bytes = new AtomicLong();
        volatile boolean finished;

        Clip(AudioFormat format) {
            this.format = format;
        }
    }

    final List<Clip> clips = new CopyOnWriteArrayList<>();
    final AtomicInteger cuts = new AtomicInteger();

    @Override
    public void open(AudioFormat format) {
        clips.add(new Clip(format));
    }

    @Override
    public void write(byte[] pcm, int offset, int length) {
        clips.get(clips.size() - 1).bytes.addAndGet(length);
    }

    @Override
    public void finish() {
        clips.get(clips.size() - 1).finished = true;
    }

    @Override
    public void cut() {
        cuts.incrementAndGet();
    }

    /** Clips that played to their end, with sound in them. */
    long played() {
        return clips.stream().filter(c -> c.finished && c.bytes.get() > 0).count();
    }
}
