// The visitor app in headless Firefox ESR, as a visitor with an English phone would use it: driven by
// puppeteer-core over WebDriver BiDi (no geckodriver), with Firefox's fake microphone (a tone, not
// speech). Run by VisitorAppFirefoxTest against the running test server:
//
//   node visitor.mjs BASE_URL LABEL_URL SCREENSHOT.png
//
// Firefox runs Web Audio only with an audio output (without one its AudioContext stays "suspended":
// nothing plays and the microphone, captured through that context, delivers nothing), so the script
// starts its own PulseAudio with a null sink for it, and stops it at the end.
//
// Prints each check as it passes; exits 1 with the reason, every page error and the page's state at
// the first failure. VISITOR_DEBUG=1 prints the page's console too.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

const [base, label, screenshot] = process.argv.slice(2);
if (!base || !label || !screenshot) {
  console.error('usage: node visitor.mjs BASE_URL LABEL_URL SCREENSHOT.png');
  process.exit(2);
}
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const ACCEPT_LANGUAGE = 'en-GB,en';
const NOT_HEARD = "Sorry, I didn't catch that. Please try again, a little closer to the phone.";

const started = Date.now();
const pageErrors = [];
let step = 'starting an audio output';
let sound = null;
let browser = null;
let page = null;

function check(condition, what, actual) {
  if (!condition) throw new Error(`${what}${actual === undefined ? '' : ` (was: ${JSON.stringify(actual)})`}`);
  console.log(`ok  ${what}`);
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A PulseAudio of its own with a null sink: Firefox gets an audio output, and nothing is heard. */
async function startSound() {
  const folder = mkdtempSync(join(tmpdir(), 'firefox-sound-'));
  const socket = join(folder, 'native');
  const daemon = spawn('pulseaudio', ['-n', '--daemonize=no', '--exit-idle-time=-1', '--use-pid-file=no',
    '--log-target=stderr', '--load=module-null-sink sink_name=phone',
    `--load=module-native-protocol-unix socket=${socket} auth-anonymous=1`],
  { env: { ...process.env, HOME: folder, XDG_RUNTIME_DIR: folder, XDG_CONFIG_HOME: folder }, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  daemon.stderr.on('data', (data) => { log += data; });
  const failed = new Promise((resolve) => {
    daemon.on('error', (error) => resolve(error.code === 'ENOENT'
      ? 'pulseaudio is not installed (Debian package pulseaudio; scripts/system-packages test installs it)' : String(error)));
    daemon.on('exit', (code) => resolve(`pulseaudio exited (${code}):\n${log}`));
  });
  for (let waited = 0; !existsSync(socket); waited += 50) {
    const failure = await Promise.race([failed, pause(50).then(() => null)]);
    if (failure) throw new Error(failure);
    if (waited > 10000) throw new Error(`pulseaudio did not open ${socket} in 10 s:\n${log}`);
  }
  return { server: `unix:${socket}`, stop: () => { daemon.kill('SIGTERM'); rmSync(folder, { recursive: true, force: true }); } };
}

/** Watches, from inside the page, the voice socket (what goes out, what comes back) and the audio contexts. */
function watchThePage() {
  const voice = { opened: 0, start: null, stop: 0, audioBytes: 0, firstAudioAt: 0, received: [] };
  const contexts = [];
  window.__watched = { voice, contexts };
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('open', () => { voice.opened++; });
      this.addEventListener('message', (event) => {
        if (typeof event.data === 'string') voice.received.push(JSON.parse(event.data));
      });
    }

    send(data) {
      if (typeof data === 'string') {
        const message = JSON.parse(data);
        if (message.type === 'start') voice.start = message;
        if (message.type === 'stop') voice.stop++;
      } else {
        if (!voice.audioBytes) voice.firstAudioAt = performance.now();
        voice.audioBytes += data.byteLength;
      }
      return super.send(data);
    }
  };
  const NativeContext = window.AudioContext;
  window.AudioContext = class extends NativeContext {
    constructor(...args) {
      super(...args);
      contexts.push(this);
    }
  };
}

async function openLabel() {
  await page.goto(label, { waitUntil: 'load' });
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
}

const text = (selector) => page.$eval(selector, (el) => el.textContent.trim());
const played = () => page.evaluate(() => Number(document.body.dataset.played || 0));
/** True once one of the page's audio contexts really runs (its clock moves). */
const audioRuns = () => page.waitForFunction(
  () => window.__watched.contexts.some((c) => c.state === 'running' && c.currentTime > 0.1), { timeout: 10000 })
  .then(() => true, () => false);

try {
  sound = await startSound();

  step = 'launching Firefox';
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocolTimeout: 30000,
    env: { ...process.env, PULSE_SERVER: sound.server },
    // a phone's screen: 390×844 CSS pixels at 2×
    defaultViewport: { width: 390, height: 844, deviceScaleFactor: 2, hasTouch: true },
    extraPrefsFirefox: {
      'intl.accept_languages': ACCEPT_LANGUAGE,
      // a fake microphone (Firefox's fake stream is a tone), allowed without a prompt
      'media.navigator.streams.fake': true,
      'media.navigator.permission.disabled': true,
      // scrollbars over the page, as on a phone (desktop Firefox takes their width from the page)
      'ui.useOverlayScrollbars': 1,
    },
  });
  page = await browser.newPage();
  page.setDefaultTimeout(15000);
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error && error.message ? error.message : error}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console.error: ${message.text()}`);
    else if (process.env.VISITOR_DEBUG) console.log(`  console.${message.type()}: ${message.text()}`);
  });
  await page.evaluateOnNewDocument(watchThePage);

  step = 'opening the label';
  await openLabel();
  const agent = await page.evaluate(() => navigator.userAgent);
  check(agent.includes('Firefox/'), 'the browser is Firefox', agent);
  console.log(`    ${agent}`);
  check(await page.evaluate(() => document.documentElement.lang) === 'en', 'the page is in English, as the phone asks');
  const title = await text('h1');
  check(title.startsWith('Khuê Văn Các'), 'the exhibit title is shown', title);
  const site = await text('#site-name');
  check(site.toLowerCase() === 'the temple of literature', 'the site name is shown', site);
  const welcome = await page.$$eval('#log > li .text', (items) => items.map((el) => el.textContent));
  check(welcome.length === 1 && welcome[0].includes('Welcome to the Temple of Literature'), 'the welcome is shown', welcome);
  check(await text('#ask') === 'Hold to ask', 'the ask button says "Hold to ask"', await text('#ask'));
  const suggestions = await page.$$eval('#suggestion-list button', (buttons) => buttons.map((b) => b.textContent));
  check(suggestions.length === 3, 'three questions are suggested', suggestions);
  const languages = await page.$$eval('#languages button', (buttons) => buttons.map((b) => b.textContent));
  check(languages.join('|') === 'Tiếng Việt|English|Français|中文|한국어', 'the site\'s languages are offered', languages);
  check(await played() === 0, 'nothing plays before a gesture', await played());

  step = 'the first tap';
  await page.click('h1');
  await page.waitForFunction(() => Number(document.body.dataset.played || 0) === 1, { timeout: 10000 });
  check(await audioRuns(), 'the first tap unlocks audio and the welcome is spoken',
    await page.evaluate(() => window.__watched.contexts.map((c) => `${c.state} at ${c.currentTime}`)));
  await page.waitForSelector('#stop', { visible: true });
  await page.click('#stop');
  check(await page.evaluate(() => document.body.dataset.state) === 'idle', 'Stop silences the guide');

  step = 'asking by typing';
  await page.click('#question');
  await page.keyboard.type('When was Khue Van Cac built?');
  await page.click('#send');
  await page.waitForFunction(() => [...document.querySelectorAll('#log > li.answer .text')].some((el) => el.textContent.trim()));
  const answer = await text('#log > li.answer .text');
  check(answer.includes('1805'), 'a typed question is answered', answer);
  const source = await text('#log > li.answer .meta');
  check(source.startsWith('Source: ') && source.includes('Khuê Văn Các'), 'the answer names its source', source);
  await page.waitForFunction(() => Number(document.body.dataset.played || 0) >= 2, { timeout: 10000 });
  check(true, 'the answer is spoken');

  // the next visitor's first gesture is holding the button: it must unlock audio and the microphone
  step = 'asking by voice on a fresh page';
  await openLabel();
  check(await played() === 0, 'the conversation reopens, silent', await played());
  const box = await (await page.$('#ask')).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const pressedAt = await page.evaluate(() => performance.now());
  await page.mouse.down();
  await page.waitForFunction(() => document.body.dataset.state === 'listening', { timeout: 10000 });
  check(true, 'holding the button listens');
  // held until 1.5 s of the microphone (16 kHz s16le) has gone out on the socket: on a loaded machine
  // Firefox's audio clock runs behind the wall clock, so a fixed pause would not say how much was sent
  await page.waitForFunction(() => window.__watched.voice.audioBytes >= 1.5 * 16000 * 2, { timeout: 15000 })
    .catch(() => {});
  const live = await page.evaluate(() => window.__watched.voice.firstAudioAt);
  if (live) console.log(`    the microphone's audio flowed ${Math.round(live - pressedAt)} ms after the press`);
  await page.mouse.up();
  await page.waitForFunction(() => {
    const notice = document.getElementById('notice');
    return (!notice.hidden && notice.textContent.trim()) || document.body.dataset.state === 'speaking'
      || document.querySelectorAll('#log > li.answer').length > 1;
  }, { timeout: 20000 });
  const voice = await page.evaluate(() => window.__watched.voice);
  check(voice.opened === 1, 'the voice socket opens', voice.opened);
  check(voice.start && voice.start.sampleRate === 16000, 'it announces 16 kHz audio', voice.start);
  check(voice.audioBytes >= 1.5 * 16000 * 2, 'the microphone\'s audio is streamed', voice.audioBytes);
  check(voice.stop === 1, 'letting go ends the question', voice.stop);
  check(voice.received.some((m) => m.type === 'ready'), 'the server listens', voice.received);
  const notice = await text('#notice-text');
  check(notice === NOT_HEARD, 'a tone is not a question: the visitor is told they were not heard',
    { notice, received: voice.received });
  check(await page.evaluate(() => document.body.dataset.state) === 'idle', 'the app is ready for the next question');
  check(await page.$eval('#ask', (el) => el.getAttribute('aria-pressed')) === 'false', 'the microphone is off');

  step = 'the screenshot';
  await page.screenshot({ path: screenshot });
  check(true, `screenshot saved to ${screenshot}`);

  step = 'page errors';
  check(pageErrors.length === 0, 'no JavaScript error on the page', pageErrors);
  console.log(`passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (failure) {
  console.log(`FAILED at ${step}: ${failure && failure.message ? failure.message : failure}`);
  for (const error of pageErrors) console.log(`  ${error}`);
  if (page) {
    const seen = await page.evaluate(() => ({
      state: document.body.dataset.state,
      notice: document.getElementById('notice').hidden ? null : document.getElementById('notice-text').textContent,
      status: document.getElementById('status').textContent,
      audio: window.__watched.contexts.map((c) => `${c.sampleRate} Hz ${c.state} at ${c.currentTime.toFixed(2)} s`),
      voice: window.__watched.voice,
      log: [...document.querySelectorAll('#log > li')].map((li) => li.textContent.trim()),
    })).catch((error) => `(not readable: ${error.message})`);
    console.log(`  the page then: ${JSON.stringify(seen)}`);
    await page.screenshot({ path: screenshot }).catch(() => {});
  }
  process.exitCode = 1;
} finally {
  if (browser) await browser.close().catch(() => {});
  if (sound) sound.stop();
}
