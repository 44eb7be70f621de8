package org.heritageguide.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Mono 16-bit little-endian PCM in a RIFF/WAVE container: writing headers and reading them back. */
public final class Wav {

    public static final int HEADER_BYTES = 44;

    private Wav() {
    }

    /** A complete WAV file holding {@code length} bytes of {@code pcm} from {@code offset}. */
    public static byte[] wrap(byte[] pcm, int offset, int length, int sampleRate) {
        byte[] wav = new byte[HEADER_BYTES + length];
        writeHeader(wav, length, sampleRate);
        System.arraycopy(pcm, offset, wav, HEADER_BYTES, length);
        return wav;
    }

    public static byte[] wrap(byte[] pcm, int sampleRate) {
        return wrap(pcm, 0, pcm.length, sampleRate);
    }

    static void writeHeader(byte[] target, int dataBytes, int sampleRate) {
        ByteBuffer header = ByteBuffer.wrap(target, 0, HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(36 + dataBytes)
                .put(new byte[] {'W', 'A', 'V', 'E', 'f', 'm', 't', ' '}).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2)
                .putShort((short) 2).putShort((short) 16)
                .put(new byte[] {'d', 'a', 't', 'a'}).putInt(dataBytes);
    }

    /**
     * The PCM samples of a mono 16-bit WAV and its rate. Tolerates extra chunks and a data length
     * left unknown by a streaming writer (as espeak-ng's {@code --stdout} writes it).
     */
    public static Pcm read(byte[] wav) {
        ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || in.getInt(0) != 0x46464952 || in.getInt(8) != 0x45564157) {
            throw new IllegalArgumentException("Not a RIFF/WAVE file");
        }
        int position = 12;
        int sampleRate = 0;
        while (position + 8 <= wav.length) {
            int id = in.getInt(position);
            int size = in.getInt(position + 4);
            int body = position + 8;
            if (id == 0x20746d66) { // "fmt "
                int format = in.getShort(body) & 0xffff;
                int channels = in.getShort(body + 2) & 0xffff;
                int bits = in.getShort(body + 14) & 0xffff;
                if (format != 1 || channels != 1 || bits != 16) {
                    throw new IllegalArgumentException("Expected mono 16-bit PCM, got format " + format
                            + ", " + channels + " channels, " + bits + " bits");
                }
                sampleRate = in.getInt(body + 4);
            } else if (id == 0x61746164) { // "data"
                if (sampleRate == 0) {
                    throw new IllegalArgumentException("WAV data before its format");
                }
                int available = wav.length - body;
                int length = size <= 0 || size > available ? available : size;
                length -= length % 2;
                byte[] samples = new byte[length];
                System.arraycopy(wav, body, samples, 0, length);
                return new Pcm(samples, sampleRate);
            }
            if (size < 0 || body + size > wav.length) {
                break;
            }
            position = body + size + (size & 1);
        }
        throw new IllegalArgumentException("WAV without a data chunk");
    }
}
