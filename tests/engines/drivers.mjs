// One small driver interface over three browser engines, so that each of the reader's core flows
// is written once (flows.test.mjs) and run in Chromium, Firefox and WebKit:
//
// - Chromium: Debian's `chromium`, through puppeteer-core over the DevTools protocol;
// - Firefox: Debian's `firefox-esr`, through puppeteer-core over WebDriver BiDi (no geckodriver);
// - WebKit: Debian's `webkit2gtk-driver` (WebKitWebDriver driving MiniBrowser, the engine of
//   Safari), through selenium-webdriver, under a virtual X display (`xvfb-run`, see
//   scripts/test).
//
// A driver opens pages ("tabs") in one fresh profile. A tab can go to an address, run a function
// in the page and return its (JSON) result, wait until such a function returns something, click
// and type as a person does (through the engine's own input), choose a file in a file input and
// reload. Nothing more: what a flow needs beyond that it asks the page.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import puppeteer from 'puppeteer-core';
import { Builder, By, Key } from 'selenium-webdriver';

/** The longest any one step waits (a page to load, a condition to hold). */
export const STEP_TIMEOUT = 20000;

export const ENGINES = ['chromium', 'firefox', 'webkit'];

const APP_READY = 'html[data-app] :is(.report, .empty-state, .library, .missing-report)';

/** Polls `check` (an async function returning a value) until it is truthy, or fails saying `what`. */
export async function until(check, what, timeout = STEP_TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`waited ${timeout} ms for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** A tab driven through puppeteer-core (Chromium over CDP, Firefox over WebDriver BiDi). */
class PuppeteerTab {
  constructor(page) {
    this.page = page;
    page.setDefaultTimeout(STEP_TIMEOUT);
    page.setDefaultNavigationTimeout(STEP_TIMEOUT);
    this.problems = [];
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
  }

  /** The tab a person looks at: a background tab's page may be frozen by the browser. */
  async focus() {
    if (PuppeteerTab.front !== this) {
      await this.page.bringToFront();
      PuppeteerTab.front = this;
    }
  }

  async open(url) {
    await this.focus();
    await this.page.goto(url);
    await this.page.waitForSelector(APP_READY);
  }

  /** Runs `fn(...args)` in the page; returns its result (awaited, JSON-able). */
  async run(fn, ...args) {
    await this.focus();
    return this.page.evaluate(fn, ...args);
  }

  /** Waits until `fn(...args)` in the page returns true (or another value that is JSON: a page's
   * element is none, so a function that finds one says whether it did: `!!`). */
  waitFor(fn, what, ...args) {
    return until(() => this.run(fn, ...args), what);
  }

  async click(selector) {
    await this.focus();
    await this.page.waitForSelector(selector, { visible: true });
    await this.page.click(selector);
  }

  async type(selector, text) {
    await this.focus();
    await this.page.waitForSelector(selector, { visible: true });
    await this.page.focus(selector);
    await this.page.keyboard.type(text);
  }

  async press(key) {
    await this.focus();
    await this.page.keyboard.press(key);
  }

  /** Presses the mouse's button at one point of the viewport and lets it go at another. */
  async drag([x1, y1], [x2, y2]) {
    await this.focus();
    await this.page.mouse.move(x1, y1);
    await this.page.mouse.down();
    await this.page.mouse.move(x2, y2, { steps: 8 });
    await this.page.mouse.up();
  }

  async choose(selector, path) {
    await this.focus();
    const input = await this.page.waitForSelector(selector);
    await input.uploadFile(path);
  }

  async reload() {
    await this.focus();
    await this.page.reload();
    await this.page.waitForSelector(APP_READY);
  }

  close() {
    return this.page.close();
  }
}

class PuppeteerDriver {
  static async launch(engine) {
    const profile = await mkdtemp(join(tmpdir(), `report-reader-${engine}-`));
    const options = engine === 'firefox'
      ? {
        browser: 'firefox',
        executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
        // Downloads go to the profile without asking.
        extraPrefsFirefox: { 'browser.download.dir': profile, 'browser.download.folderList': 2 },
      }
      : {
        browser: 'chrome',
        executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      };
    const browser = await puppeteer.launch({
      ...options,
      headless: true,
      userDataDir: profile,
      timeout: 60000,
      protocolTimeout: STEP_TIMEOUT * 2,
    });
    return new PuppeteerDriver(browser, profile, engine);
  }

  constructor(browser, profile, engine) {
    this.browser = browser;
    this.profile = profile;
    this.engine = engine;
  }

  async tab() {
    const page = await this.browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    return new PuppeteerTab(page);
  }

  async close() {
    await this.browser.close().catch(() => {});
    await rm(this.profile, { recursive: true, force: true });
  }
}

/** A free port on this machine, for WebKitWebDriver to listen on. */
function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/** A tab of WebKit, driven through WebDriver classic: one window of the session. */
class SeleniumTab {
  constructor(driver, handle) {
    this.driver = driver;
    this.handle = handle;
    this.problems = [];
  }

  async focus() {
    await this.driver.switchTo().window(this.handle);
  }

  async open(url) {
    await this.focus();
    await this.driver.get(url);
    await this.waitFor((selector) => !!document.querySelector(selector), 'the app to start', APP_READY);
  }

  async run(fn, ...args) {
    await this.focus();
    // Every function runs as an async one: its promise is awaited, its result sent back.
    return this.driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       Promise.resolve().then(() => (${fn})(...Array.prototype.slice.call(arguments, 0, -1)))
         .then((value) => done({ value }), (error) => done({ error: String(error && error.stack || error) }));`,
      ...args,
    ).then((answer) => {
      if (answer?.error) throw new Error(answer.error);
      return answer?.value;
    });
  }

  /** Waits until `fn(...args)` in the page returns true (or another value that is JSON: a page's
   * element is none, so a function that finds one says whether it did: `!!`). */
  waitFor(fn, what, ...args) {
    return until(() => this.run(fn, ...args), what);
  }

  /** The element, once it is in the page (a paragraph's tools are there, if transparent, until
   * the pointer or the focus reaches the paragraph: a click reaches them as a person's does). */
  async element(selector) {
    await this.focus();
    const element = await until(async () => (await this.driver.findElements(By.css(selector)))[0], `${selector} to be in the page`);
    await this.driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', element);
    return element;
  }

  async click(selector) {
    await (await this.element(selector)).click();
  }

  async type(selector, text) {
    await (await this.element(selector)).sendKeys(text);
  }

  async press(key) {
    await this.focus();
    const keys = { Enter: Key.ENTER, Escape: Key.ESCAPE, Tab: Key.TAB };
    await this.driver.actions().sendKeys(keys[key] ?? key).perform();
  }

  async drag([x1, y1], [x2, y2]) {
    await this.focus();
    const at = (x, y) => ({ x: Math.round(x), y: Math.round(y), origin: 'viewport' });
    await this.driver.actions().move(at(x1, y1)).press().move({ ...at(x2, y2), duration: 200 }).release().perform();
  }

  async choose(selector, path) {
    await this.focus();
    const input = await until(async () => (await this.driver.findElements(By.css(selector)))[0], selector);
    await input.sendKeys(path);
  }

  async reload() {
    await this.focus();
    await this.driver.navigate().refresh();
    await this.waitFor((selector) => !!document.querySelector(selector), 'the app to start', APP_READY);
  }

  async close() {
    await this.focus();
    await this.driver.close();
  }
}

class SeleniumDriver {
  static async launch() {
    const port = await freePort();
    const service = spawn(process.env.WEBKIT_DRIVER || 'WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore' });
    const server = `http://127.0.0.1:${port}`;
    await until(async () => (await fetch(`${server}/status`)).ok, 'WebKitWebDriver to listen');
    const driver = await new Builder()
      .usingServer(server)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': {
          binary: process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
          args: ['--automation'],
        },
      })
      .build();
    await driver.manage().setTimeouts({ script: STEP_TIMEOUT, pageLoad: STEP_TIMEOUT, implicit: 0 });
    await driver.manage().window().setRect({ width: 1280, height: 800 }).catch(() => {});
    return new SeleniumDriver(driver, service);
  }

  constructor(driver, service) {
    this.driver = driver;
    this.service = service;
    this.used = false;
    this.engine = 'webkit';
  }

  async tab() {
    // The session's first window is the first tab; others are new windows of the same session.
    if (!this.used) {
      this.used = true;
      return new SeleniumTab(this.driver, await this.driver.getWindowHandle());
    }
    await this.driver.switchTo().newWindow('tab');
    return new SeleniumTab(this.driver, await this.driver.getWindowHandle());
  }

  async close() {
    await this.driver.quit().catch(() => {});
    this.service.kill();
  }
}

/** A fresh profile of `engine`, its tabs driven through one interface. */
export function launch(engine) {
  return engine === 'webkit' ? SeleniumDriver.launch() : PuppeteerDriver.launch(engine);
}
