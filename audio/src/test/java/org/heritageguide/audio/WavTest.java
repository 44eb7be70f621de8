package org.heritageguide.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class WavTest {

    @Test
    void roundTripsAndToleratesAnUnknownLength() {
        Pcm tone = ResamplerTest.tone(300, 22050, 0.1, 5000);
        byte[] wav = tone.toWav();
        assertThat(Wav.read(wav).samples()).isEqualTo(tone.samples());
        assertThat(Wav.read(wav).sampleRate()).isEqualTo(22050);

        // as espeak-ng --stdout writes it: sizes left at 0xFFFFFFFF
        for (int i : new int[] {4, 40}) {
            wav[i] = wav[i + 1] = wav[i + 2] = wav[i + 3] = (byte) 0xff;
        }
        assertThat(Wav.read(wav).samples()).isEqualTo(tone.samples());
    }

    @Test
    void aHeaderArrivingInPiecesIsKnownOnceItsDataChunkBegins() {
        // a stereo 48 kHz file with a chunk before its format, as other writers make them
        byte[] pcm = new byte[400];
        ByteBuffer file = ByteBuffer.allocate(12 + 8 + 6 + 8 + 16 + 8 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        file.put("RIFF".getBytes()).putInt(file.capacity() - 8).put("WAVE".getBytes())
                .put("LIST".getBytes()).putInt(6).put(new byte[6])
                .put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2).putInt(48_000)
                .putInt(48_000 * 4).putShort((short) 4).putShort((short) 16)
                .put("data".getBytes()).putInt(pcm.length).put(pcm);
        byte[] bytes = file.array();
        int dataOffset = bytes.length - pcm.length;
        for (int length = 0; length < dataOffset; length++) {
            assertThat(Wav.header(Arrays.copyOf(bytes, length))).as("%d bytes", length).isNull();
        }
        Wav.Header header = Wav.header(Arrays.copyOf(bytes, dataOffset));
        assertThat(header.dataOffset()).isEqualTo(dataOffset);
        assertThat(header.dataBytes()).isEqualTo(pcm.length);
        assertThat(header.format().getSampleRate()).isEqualTo(48_000f);
        assertThat(header.format().getChannels()).isEqualTo(2);
        assertThat(header.format().getSampleSizeInBits()).isEqualTo(16);

        assertThatThrownBy(() -> Wav.read(bytes)).hasMessageContaining("mono 16-bit");
    }

    @Test
    void refusesWhatIsNotAPcmWav() {
        assertThatThrownBy(() -> Wav.header("RIFF....WEBPVP8 ".getBytes())).hasMessageContaining("RIFF/WAVE");
        byte[] mp3InWav = Wav.wrap(new byte[10], 16_000);
        mp3InWav[20] = 0x55;
        assertThatThrownBy(() -> Wav.header(mp3InWav)).hasMessageContaining("Not PCM");
        assertThatThrownBy(() -> Wav.read(mp3InWav)).hasMessageContaining("Not PCM");
        assertThatThrownBy(() -> Wav.read(Arrays.copyOf(Wav.wrap(new byte[10], 16_000), 30)))
                .hasMessageContaining("without a data chunk");
    }
}
