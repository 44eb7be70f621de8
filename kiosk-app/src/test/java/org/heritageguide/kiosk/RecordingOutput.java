package org.heritageguide.kiosk;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sound.sampled.AudioFormat;

import org.heritageguide.kiosk.audio.AudioOutput;

/** The speakers of a test: keeps count of what the kiosk played, and how often it was cut off. */
final class RecordingOutput implements AudioOutput {

    final AtomicLong bytes = new AtomicLong();
    final AtomicInteger answers = new AtomicInteger();
    final AtomicInteger cuts = new AtomicInteger();
    volatile AudioFormat format;

    @Override
    public void open(AudioFormat format) {
        this.format = format;
        answers.incrementAndGet();
    }

    @Override
    public void write(byte[] pcm, int offset, int length) {
        bytes.addAndGet(length);
    }

    @Override
    public void finish() {
    }

    @Override
    public void cut() {
        cuts.incrementAndGet();
    }
}
