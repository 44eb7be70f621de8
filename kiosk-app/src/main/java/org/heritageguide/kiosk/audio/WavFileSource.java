package org.heritageguide.kiosk.audio;

import java.io.IOException;
import java.nio.file.Path;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A WAV file that plays the microphone's part, paced like a person speaking (at {@code speed} times
 * real time), so a test can ask a question out loud.
 */
public final class WavFileSource implements AudioSource {

    private final AudioInputStream stream;
    private final double speed;
    private final long started = System.nanoTime();
    private long bytesRead;

    private WavFileSource(AudioInputStream stream, double speed) {
        this.stream = stream;
        this.speed = speed;
    }

    public static Factory factory(Path wav, double speed) {
        return () -> {
            try {
                AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile());
                AudioFormat f = in.getFormat();
                if (f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || f.getSampleSizeInBits() != 16) {
                    in = AudioSystem.getAudioInputStream(new AudioFormat(f.getSampleRate(), 16, f.getChannels(), true, false), in);
                }
                return new WavFileSource(in, speed);
            } catch (UnsupportedAudioFileException | IOException e) {
                throw new AudioUnavailableException("Cannot read " + wav, e);
            }
        };
    }

    @Override
    public AudioFormat format() {
        return stream.getFormat();
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        AudioFormat f = stream.getFormat();
        int chunk = (int) (f.getFrameRate() * f.getFrameSize() / 20) / f.getFrameSize() * f.getFrameSize();
        int n = stream.read(buffer, 0, Math.min(buffer.length, chunk));
        if (n > 0) {
            bytesRead += n;
            double due = bytesRead / (f.getFrameRate() * f.getFrameSize()) / speed;
            long wait = (long) (due * 1000) - (System.nanoTime() - started) / 1_000_000;
            if (wait > 0) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
        }
        return n;
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
