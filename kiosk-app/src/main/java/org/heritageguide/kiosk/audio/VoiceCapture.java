package org.heritageguide.kiosk.audio;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One press of the talk button: reads the source on its own thread, converts to 16 kHz mono and hands
 * on frames of about 100 ms, until the button is released or the source ends.
 */
public final class VoiceCapture {

    private static final Logger log = Logger.getLogger(VoiceCapture.class.getName());
    private static final int FRAME_BYTES = 3_200; // 100 ms at 16 kHz, 16-bit mono

    private final AudioSource source;
    private final Consumer<Exception> failed;
    private final Thread thread;
    private volatile boolean released;

    private VoiceCapture(AudioSource source, FrameSink sink, Runnable ended, Consumer<Exception> failed) {
        this.source = source;
        this.failed = failed;
        this.thread = new Thread(() -> pump(sink, ended), "kiosk-voice-capture");
        thread.setDaemon(true);
    }

    /** Something that takes 16 kHz s16le mono frames. */
    @FunctionalInterface
    public interface FrameSink {
        void frame(byte[] pcm, int length);
    }

    /**
     * Starts capturing. {@code ended} runs once, on the capture thread, after the last frame was handed
     * on (released, source ended, or failed); {@code failed} gets the failure, if any.
     */
    public static VoiceCapture start(AudioSource source, FrameSink sink, Runnable ended, Consumer<Exception> failed) {
        VoiceCapture capture = new VoiceCapture(source, sink, ended, failed);
        capture.thread.start();
        return capture;
    }

    public void release() {
        released = true;
    }

    private void pump(FrameSink sink, Runnable ended) {
        ToVoiceFormat converter = new ToVoiceFormat(source.format());
        byte[] buffer = new byte[Math.max(4096, (int) (source.format().getFrameRate() * source.format().getFrameSize() / 10))];
        byte[] frame = new byte[FRAME_BYTES];
        int filled = 0;
        try (source) {
            while (!released) {
                int n = source.read(buffer);
                if (n < 0) {
                    break;
                }
                filled = handOn(converter.convert(buffer, n), frame, filled, sink);
            }
            filled = handOn(converter.flush(), frame, filled, sink);
            if (filled > 0) {
                sink.frame(frame, filled);
            }
        } catch (Exception e) {
            log.log(Level.WARNING, "Voice capture failed", e);
            failed.accept(e);
        } finally {
            ended.run();
        }
    }

    /** Adds {@code converted} to the frame being filled, handing on each full one; how full it is now. */
    private static int handOn(byte[] converted, byte[] frame, int filled, FrameSink sink) {
        int at = 0;
        while (at < converted.length) {
            int take = Math.min(FRAME_BYTES - filled, converted.length - at);
            System.arraycopy(converted, at, frame, filled, take);
            filled += take;
            at += take;
            if (filled == FRAME_BYTES) {
                sink.frame(frame, filled);
                filled = 0;
            }
        }
        return filled;
    }
}
