package org.heritageguide.kiosk.audio;

import java.util.Locale;
import java.util.logging.Logger;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

/**
 * The terminal's microphone, opened at the rate the device prefers (48 kHz and 44.1 kHz before 16 kHz,
 * mono before stereo), signed 16-bit little-endian.
 */
public final class MicrophoneSource implements AudioSource {

    private static final Logger log = Logger.getLogger(MicrophoneSource.class.getName());
    private static final float[] RATES = {48_000f, 44_100f, 32_000f, 22_050f, 16_000f};

    private final TargetDataLine line;

    private MicrophoneSource(TargetDataLine line) {
        this.line = line;
    }

    /** A factory for the device whose name contains {@code deviceName}, or the system default if it is empty. */
    public static Factory factory(String deviceName) {
        return () -> open(deviceName);
    }

    static MicrophoneSource open(String deviceName) throws AudioUnavailableException {
        LineUnavailableException last = null;
        for (int channels = 1; channels <= 2; channels++) {
            for (float rate : RATES) {
                AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
                DataLine.Info info = new DataLine.Info(TargetDataLine.class, format);
                try {
                    TargetDataLine line = deviceName.isEmpty() ? (TargetDataLine) AudioSystem.getLine(info)
                            : (TargetDataLine) mixer(deviceName).getLine(info);
                    // about 100 ms of buffer: short enough that the first words are not late
                    line.open(format, (int) (rate * channels * 2 / 10));
                    line.start();
                    log.fine(() -> "Microphone open at " + format);
                    return new MicrophoneSource(line);
                } catch (LineUnavailableException | IllegalArgumentException e) {
                    last = e instanceof LineUnavailableException lue ? lue : last;
                }
            }
        }
        throw new AudioUnavailableException("No microphone can be opened"
                + (deviceName.isEmpty() ? "" : " named '" + deviceName + "'"), last);
    }

    private static Mixer mixer(String deviceName) throws LineUnavailableException {
        String wanted = deviceName.toLowerCase(Locale.ROOT);
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            if (info.getName().toLowerCase(Locale.ROOT).contains(wanted)) {
                return AudioSystem.getMixer(info);
            }
        }
        throw new LineUnavailableException("No audio device named '" + deviceName + "'");
    }

    @Override
    public AudioFormat format() {
        return line.getFormat();
    }

    @Override
    public int read(byte[] buffer) {
        int frame = line.getFormat().getFrameSize();
        int wanted = Math.min(buffer.length, Math.max(frame, line.getBufferSize() / 2)) / frame * frame;
        return line.isOpen() ? line.read(buffer, 0, wanted) : -1;
    }

    @Override
    public void close() {
        line.stop();
        line.close();
    }
}
