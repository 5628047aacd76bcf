// The web remote in real headless Chromium against a running headless exhibit.
//
//   node tests/web/remote.test.mjs <path/to/exhibit> [output dir]
//
// Starts `exhibit --headless --control 127.0.0.1:0 --state-dir <tmp>`, reads the port from its log
// and the token from <tmp>/control-token, opens http://127.0.0.1:PORT/#token=... in Debian's
// Chromium (driven by playwright-core), and checks: the Chinese page appears with a button per
// scene; pressing 贵州地图 (map) switches the wall (the exhibit logs `[app.scenes] map` and
// /api/status says map); pressing 待机 puts the wall in standby; the English switch relabels the
// page and is remembered across a reload; a wrong token gets a clear error; a scene the status calls
// unavailable (its content failed to load) is marked with its problem written on it and still
// asks the wall to load it again when pressed (the status is patched on the way to the page). Screenshots of the page
// land in the output dir. Exit 0 pass, 1 fail, 77 skipped (node_modules or Chromium missing).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SKIP = 77;
const here = dirname(fileURLToPath(import.meta.url));
const exe = process.argv[2] || process.env.EXHIBIT_EXE;
const outDir = resolve(process.argv[3] || process.env.EXHIBIT_WEB_OUT || here);
const chromiumPath = process.env.EXHIBIT_CHROMIUM || '/usr/bin/chromium';
const WAIT_S = 90;  // generous: a slow machine only makes the test slower, never fail

if (!exe || !existsSync(exe)) {
  console.error(`web_remote: usage: node remote.test.mjs <exhibit executable> [output dir] (got ${exe})`);
  process.exit(1);
}
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  console.log(`web_remote: playwright-core not installed in ${here}/node_modules (scripts/setup.sh --tests runs npm ci); skipped`);
  process.exit(SKIP);
}
if (!existsSync(chromiumPath)) {
  console.log(`web_remote: ${chromiumPath} not found (apt-get install chromium); skipped`);
  process.exit(SKIP);
}
mkdirSync(outDir, { recursive: true });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const step = (text) => console.log(`web_remote: ${text}`);

// The exhibit, its log collected in memory and written next to the screenshots.
const stateDir = mkdtempSync(join(tmpdir(), 'exhibit-web-'));
const logFile = join(outDir, 'web-remote-exhibit.log');
let log = '';
const exhibit = spawn(exe, ['--headless', '--size', '960x540', '--control', '127.0.0.1:0', '--state-dir', stateDir,
                            '--tuio', '0', '--frames', '100000000',
                            '--screenshot', join(outDir, 'web-remote-wall.png')],
                      { stdio: ['ignore', 'pipe', 'pipe'] });
let exitCode = null;
const exited = new Promise((resolveExit) => exhibit.on('exit', (code, signal) => {
  exitCode = code ?? 128;
  if (signal) step(`exhibit ended by ${signal}`);
  resolveExit(exitCode);
}));
for (const stream of [exhibit.stdout, exhibit.stderr]) stream.on('data', (chunk) => { log += chunk.toString('utf8'); });

async function waitFor(what, check, seconds = WAIT_S) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (exitCode !== null) throw new Error(`exhibit exited (${exitCode}) while waiting for ${what}`);
    if (Date.now() > deadline) throw new Error(`timed out after ${seconds} s waiting for ${what}`);
    await sleep(100);
  }
}
const waitForLog = (text) => waitFor(`"${text}" in the exhibit's log`, () => log.includes(text));

let browser;
let failed = false;
try {
  const port = Number(await waitFor('the control API to listen',
                                    () => /\[app\.control\] listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(log)?.[1]));
  const base = `http://127.0.0.1:${port}`;
  const token = readFileSync(join(stateDir, 'control-token'), 'utf8').trim();
  if (!token) throw new Error('control-token is empty');
  step(`exhibit listening on ${base}`);
  // The page needs the main loop's status (scenes) before it can offer buttons.
  const status = async () => (await fetch(`${base}/api/status`)).json();
  await waitFor('the first status with scenes', async () => (await status()).scenes.length > 0);

  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => { if (!r.url().startsWith(base + '/')) problems.push(`request outside the wall: ${r.url()}`); });

  await page.goto(`${base}/#token=${encodeURIComponent(token)}`);
  step('page loaded');
  await page.locator('h1', { hasText: '展墙遥控' }).waitFor();
  if (await page.evaluate(() => location.hash) !== '') throw new Error('the token stayed in the address bar');
  const mapButton = page.locator('button[data-scene="map"]');
  await mapButton.waitFor();
  const sceneButtons = await page.locator('button[data-scene]').count();
  const scenes = (await status()).scenes.length;
  if (sceneButtons !== scenes) throw new Error(`${sceneButtons} scene buttons for ${scenes} scenes`);
  if (!(await mapButton.innerText()).includes('贵州')) throw new Error(`map button reads "${await mapButton.innerText()}"`);
  await page.locator('#mode-standby', { hasText: '待机' }).waitFor();
  await page.screenshot({ path: join(outDir, 'web-remote-zh.png'), fullPage: true });

  step('pressing the map scene button');
  await mapButton.click();
  await waitForLog('[app.scenes] map');
  await waitFor('/api/status to report scene map', async () => (await status()).scene === 'map');
  await page.locator('button[data-scene="map"][aria-pressed="true"]').waitFor();

  step('pressing standby');
  await page.locator('#mode-standby').click();
  await waitForLog('[app.mode] standby');
  await waitFor('/api/status to report standby', async () => (await status()).mode === 'standby');
  await page.locator('#st-mode', { hasText: '待机' }).waitFor();
  await page.locator('#mode-standby[aria-pressed="true"]').waitFor();

  step('switching to English');
  await page.locator('#lang').click();
  await page.locator('h1', { hasText: 'Wall remote' }).waitFor();
  await page.locator('#mode-standby', { hasText: 'Standby' }).waitFor();
  await page.locator('#st-mode', { hasText: 'Standby' }).waitFor();
  await page.reload();
  await page.locator('h1', { hasText: 'Wall remote' }).waitFor();  // remembered in localStorage
  await page.locator('#st-mode', { hasText: 'Standby' }).waitFor();
  await page.screenshot({ path: join(outDir, 'web-remote-en.png'), fullPage: true });

  step('back to show from the page (token kept in localStorage after the reload)');
  await page.locator('#mode-show').click();
  await waitFor('/api/status to report show', async () => (await status()).mode === 'show');

  step('a wrong token gets a clear error');
  const stranger = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  stranger.on('pageerror', (e) => problems.push(`page error (wrong token): ${e.message}`));
  await stranger.goto(`${base}/#token=not-the-token`);
  await stranger.locator('button[data-scene="dashboard"]').waitFor();  // reading is open on loopback
  await stranger.locator('button[data-scene="dashboard"]').click();
  await stranger.locator('#message', { hasText: '口令错误' }).waitFor();
  await stranger.locator('#token-panel').waitFor({ state: 'visible' });
  if ((await status()).scene !== 'map') throw new Error('a wrong token switched the scene');

  step('a scene whose content failed to load shows its problem and can still be pressed (a retry)');
  const broken = await context.newPage();
  broken.on('pageerror', (e) => problems.push(`page error (unavailable scene): ${e.message}`));
  const problem = 'guizhou_counties.geojson: invalid JSON at line 1 column 44';
  await broken.route('**/api/status', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    for (const s of body.scenes) if (s.id === 'dashboard') Object.assign(s, { available: false, problem });
    await route.fulfill({ response, json: body });
  });
  await broken.goto(base + '/');
  const brokenButton = broken.locator('button[data-scene="dashboard"].unavailable');
  await brokenButton.locator('.scene-problem', { hasText: problem }).waitFor();
  if (await broken.locator('button[data-scene="map"].unavailable').count()) throw new Error('an available scene is marked unavailable');
  await brokenButton.click();  // a retry: the real wall has the dashboard, so it switches
  await waitFor('the retry to switch the wall to dashboard', async () => (await status()).scene === 'dashboard');
  await broken.screenshot({ path: join(outDir, 'web-remote-unavailable.png'), fullPage: true });

  if (problems.length) throw new Error(problems.join('\n'));
  step('pass');
} catch (e) {
  failed = true;
  console.error(`web_remote: FAIL: ${e.message}`);
} finally {
  if (browser) await browser.close().catch(() => {});
  if (exitCode === null) {
    exhibit.kill('SIGTERM');
    const killer = setTimeout(() => exhibit.kill('SIGKILL'), 20000);
    await exited;
    clearTimeout(killer);
  }
  writeFileSync(logFile, log);
  if (exitCode !== 0) {
    failed = true;
    console.error(`web_remote: FAIL: exhibit exited with ${exitCode}`);
  }
  if (log.includes('[error]')) {
    failed = true;
    console.error('web_remote: FAIL: the exhibit logged an error');
  }
  if (failed) console.error(`--- exhibit log (${logFile}), last lines:\n${log.split('\n').slice(-40).join('\n')}`);
  rmSync(stateDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
