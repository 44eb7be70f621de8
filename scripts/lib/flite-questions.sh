# Speaks questions with flite as scripts/make-test-audio makes the recorded ones: 16 kHz mono, 0.3 s of silence
# before and 1.0 s after, normalized to -3 dBFS; pink noise mixed in at a signal-to-noise ratio measured over the
# whole file. Sourced by the scripts that speak questions.

# speak DIR NAME VOICE TEXT: DIR/NAME.wav
speak() {
  flite -voice "$3" -t "$4" -o "$1/$2.raw.wav"
  sox "$1/$2.raw.wav" -r 16000 -c 1 -b 16 "$1/$2.wav" pad 0.3 1.0 norm -3
  rm "$1/$2.raw.wav"
}

# add_noise DIR NAME SNR: DIR/NAME-snrSNR.wav, DIR/NAME.wav with pink noise mixed in
add_noise() {
  local src="$1/$2.wav" seconds speech noise
  seconds=$(soxi -D "$src")
  speech=$(sox "$src" -n stat 2>&1 | awk '/RMS +amplitude/{print $3}')
  sox -n -r 16000 -c 1 -b 16 "$1/$2.noise.wav" synth "$seconds" pinknoise
  noise=$(sox "$1/$2.noise.wav" -n stat 2>&1 | awk '/RMS +amplitude/{print $3}')
  sox -m -v 1 "$src" -v "$(awk -v s="$speech" -v n="$noise" -v snr="$3" 'BEGIN{print s/n/10^(snr/20)}')" \
    "$1/$2.noise.wav" -b 16 "$1/$2-snr$3.wav"
  rm "$1/$2.noise.wav"
}
