package org.heritageguide.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import javax.sound.sampled.AudioFormat;

/**
 * PCM in a RIFF/WAVE container: writing mono 16-bit files, reading them back, and reading the header of
 * a file that arrives in pieces (the kiosk plays an answer as its bytes come in).
 */
public final class Wav {

    public static final int HEADER_BYTES = 44;

    private static final int RIFF = 0x46464952;
    private static final int WAVE = 0x45564157;
    private static final int FMT = 0x20746d66;
    private static final int DATA = 0x61746164;
    private static final int PCM = 1;
    private static final int EXTENSIBLE = 0xFFFE;

    private Wav() {
    }

    /**
     * What a WAV header says: the format of its samples, where they begin, and how many bytes the file
     * says they take (0 or more than there are when a streaming writer left the length unknown).
     */
    public record Header(AudioFormat format, int dataOffset, long dataBytes) {
    }

    /** A complete mono 16-bit WAV file holding {@code length} bytes of {@code pcm} from {@code offset}. */
    public static byte[] wrap(byte[] pcm, int offset, int length, int sampleRate) {
        byte[] wav = new byte[HEADER_BYTES + length];
        ByteBuffer.wrap(wav, 0, HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(RIFF).putInt(36 + length).putInt(WAVE)
                .putInt(FMT).putInt(16).putShort((short) PCM).putShort((short) 1).putInt(sampleRate)
                .putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16)
                .putInt(DATA).putInt(length);
        System.arraycopy(pcm, offset, wav, HEADER_BYTES, length);
        return wav;
    }

    public static byte[] wrap(byte[] pcm, int sampleRate) {
        return wrap(pcm, 0, pcm.length, sampleRate);
    }

    /**
     * The header at the start of {@code bytes}, or null while more bytes are needed to know it. Skips
     * chunks other than the format and the data.
     *
     * @throws IllegalArgumentException not a WAV file, not PCM, or data before its format
     */
    public static Header header(byte[] bytes) {
        if (bytes.length < 12) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (in.getInt(0) != RIFF || in.getInt(8) != WAVE) {
            throw new IllegalArgumentException("Not a RIFF/WAVE file");
        }
        AudioFormat format = null;
        int position = 12;
        while (position + 8 <= bytes.length) {
            int id = in.getInt(position);
            long size = Integer.toUnsignedLong(in.getInt(position + 4));
            int body = position + 8;
            if (id == DATA) {
                if (format == null) {
                    throw new IllegalArgumentException("WAV data before its format");
                }
                return new Header(format, body, size);
            }
            if (body + size > bytes.length) {
                return null;
            }
            if (id == FMT) {
                int encoding = in.getShort(body) & 0xffff;
                if (size < 16 || (encoding != PCM && encoding != EXTENSIBLE)) {
                    throw new IllegalArgumentException("Not PCM (WAV format " + encoding + ")");
                }
                int bits = in.getShort(body + 14);
                format = new AudioFormat(in.getInt(body + 4), bits, in.getShort(body + 2), bits > 8, false);
            }
            position = body + (int) size + (int) (size & 1);
        }
        return null;
    }

    /**
     * The samples of a whole mono 16-bit WAV and its rate. Tolerates extra chunks and a data length left
     * unknown by a streaming writer (as espeak-ng's {@code --stdout} writes it).
     */
    public static Pcm read(byte[] wav) {
        Header header = header(wav);
        if (header == null) {
            throw new IllegalArgumentException("WAV without a data chunk");
        }
        AudioFormat format = header.format();
        if (format.getChannels() != 1 || format.getSampleSizeInBits() != 16) {
            throw new IllegalArgumentException("Expected mono 16-bit PCM, got " + format.getChannels()
                    + " channels, " + format.getSampleSizeInBits() + " bits");
        }
        int available = wav.length - header.dataOffset();
        int length = header.dataBytes() == 0 || header.dataBytes() > available ? available : (int) header.dataBytes();
        length -= length % 2;
        return new Pcm(Arrays.copyOfRange(wav, header.dataOffset(), header.dataOffset() + length),
                Math.round(format.getSampleRate()));
    }
}
