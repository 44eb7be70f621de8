package org.heritageguide.kiosk.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/** The terminal's speakers through {@code javax.sound.sampled}. */
public final class SpeakerOutput implements AudioOutput {

    private volatile SourceDataLine line;

    @Override
    public void open(AudioFormat format) throws AudioUnavailableException {
        try {
            SourceDataLine opened = AudioSystem.getSourceDataLine(format);
            opened.open(format, (int) (format.getFrameRate() * format.getFrameSize() / 5));
            opened.start();
            line = opened;
        } catch (LineUnavailableException | IllegalArgumentException e) {
            throw new AudioUnavailableException("No speaker can play " + format, e);
        }
    }

    @Override
    public void write(byte[] pcm, int offset, int length) {
        SourceDataLine current = line;
        if (current != null) {
            current.write(pcm, offset, length - length % current.getFormat().getFrameSize());
        }
    }

    @Override
    public void finish() {
        SourceDataLine current = line;
        if (current != null) {
            current.drain();
            current.close();
            line = null;
        }
    }

    @Override
    public void cut() {
        SourceDataLine current = line;
        if (current != null) {
            current.stop();
            current.flush();
            current.close();
            line = null;
        }
    }
}
