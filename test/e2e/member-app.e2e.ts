import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { Db, loadConfig } from '@kith/platform';
import { startApi, startWorker } from '../support/api';
import type { RunningApi } from '../support/api';
import { testEnv } from '../support/config';
import {
  answerAppFromExport,
  byRole,
  exportWebApp,
  launchChromium,
  namesOf,
  screenText,
  waitForText,
  phonePage,
  ROOT,
  serveWebApp,
  seriousViolations,
} from '../support/member-app';
import type { ServedApp, WebExport } from '../support/member-app';
import { everyoneAwake, inboxHas } from '../support/nudges';
import { seedDemo } from '../support/reports';
import { signIn } from '../support/sign-in';
import { SmtpSink } from '../support/smtp-sink';

const SAM = 'member@demo.kith.example';
/**
 * Every screen's picture goes to tmp/app/ on every run; the main ones also to docs/app/ (committed,
 * shown in the README) with WRITE_SCREENSHOTS=1 (`npm run screenshots:app`).
 */
const DOCUMENTED = [
  'sign-in',
  'for-you',
  'bookings',
  'inbox',
  'settings',
  'onboarding-postcode',
  'session',
  'survey-question',
];
/**
 * Serious axe faults this journey found in screens owned elsewhere, let pass only until they are
 * fixed there (each names its fix); any other serious or critical fault fails the journey.
 */
const KNOWN_FAULTS: { id: string; where: RegExp; fix: string }[] = [];
const SHOTS = [
  join(ROOT, 'tmp/app'),
  ...(process.env.WRITE_SCREENSHOTS ? [join(ROOT, 'docs/app')] : []),
];

/**
 * The member app's web export, served as quickstart serves it, in a phone-sized headless Chromium
 * against the real API (Postgres, Redis, the worker, mail through an SMTP sink) over the demo
 * neighbourhood: Sam signs in with the code mailed to them (after one typed wrong), reads
 * suggestions with their reasons, their bookings (again with the network off, from what the app
 * kept), their inbox, and signs out. Then someone new signs in and onboards by postcode (one
 * malformed and one outside every area refused first), books a session from its page, answers a
 * baseline survey, and finds their bookings kept while the API cannot be reached. Every control is
 * found by its role and accessible name, as a screen reader finds it, and every screen passes
 * axe-core with no serious or critical violation. Each step is a function below.
 */
describe('the member app in a phone-sized browser', () => {
  const sink = new SmtpSink();
  let exported: WebExport;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: Db;
  let served: ServedApp;
  let browser: Browser;
  let page: Page;
  let samId: string;
  let waiting: { title: string; body: string };
  let newcomerId: string;
  let booked: string;
  const visited: string[] = [];
  const tolerated = new Set<string>();

  // ---- steps: one per thing a member does, each ending on a checked screen ----

  /** axe-core on the screen as it is, and its picture at phone size. */
  const checkScreen = async (name: string) => {
    visited.push(name);
    const violations = (await seriousViolations(page)).filter((v) => {
      // Each node of a violation must be one a known fault names; the rest stay.
      const faults = v.targets.map((t) =>
        KNOWN_FAULTS.find((k) => k.id === v.id && k.where.test(t)),
      );
      for (const fault of faults) if (fault) tolerated.add(`${v.id} (${fault.fix})`);
      return faults.some((fault) => !fault);
    });
    expect({ screen: name, violations }).toEqual({ screen: name, violations: [] });
    for (const dir of SHOTS)
      if (dir === SHOTS[0] || DOCUMENTED.includes(name))
        await page.screenshot({ path: join(dir, `${name}.png`) });
  };

  /**
   * The sign-in screens with the code mailed to `email`; with `wrongFirst`, a code typed wrong
   * first: the screen says so, nothing is signed in, and the right code then works.
   */
  const signInByEmail = async (email: string, { wrongFirst = false } = {}) => {
    await byRole(page, 'heading', 'Sign in to Kith');
    await checkScreen('sign-in');
    const mailed = sink.nextMailTo(email);
    await (await byRole(page, 'textbox', 'Your email address')).type(email);
    await (await byRole(page, 'button', 'Send me a code')).click();
    await byRole(page, 'heading', 'Check your email');
    const code = /sign in to Kith is (\d{6})/.exec((await mailed).raw)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    const field = await byRole(page, 'textbox', 'Your code');
    if (wrongFirst) {
      // Every digit one off: never the code mailed.
      await field.type(code!.replace(/\d/g, (d) => String((Number(d) + 1) % 10)));
      await (await byRole(page, 'button', 'Sign in')).click();
      // The API's own words where it gives them (tries left), else the screen's.
      await page.waitForFunction(
        `/That code (is not right|did not work)/.test(document.body.innerText)`,
      );
      await checkScreen('sign-in-code-wrong');
      expect(await page.evaluate(`localStorage.getItem('kith.session')`)).toBeNull();
      await byRole(page, 'heading', 'Check your email');
      await field.click({ count: 3 });
      await page.keyboard.press('Backspace');
    }
    await field.type(code!);
    await checkScreen('sign-in-code');
    await (await byRole(page, 'button', 'Sign in')).click();
  };

  /** A tab by the name a screen reader reads (a pattern: counts and wording change), then its screen. */
  const openTab = async (tab: RegExp, heading: string) => {
    // Run in the page, as source: the test itself has no DOM types.
    await page.waitForFunction(
      `[...document.querySelectorAll('[role="tab"]')].some((t) => new RegExp(${JSON.stringify(tab.source)}).test(t.getAttribute('aria-label') || t.innerText))`,
    );
    const name = (await namesOf(page, 'tab')).find((n) => tab.test(n))!;
    await (await byRole(page, 'tab', name)).click();
    await byRole(page, 'heading', heading);
    return name;
  };

  /** For you: suggestions, each with its reasons in plain words (or what would help, if none). */
  const readSuggestions = async () => {
    await byRole(page, 'heading', 'For you');
    await waitForText(page, 'Why we picked this:');
    const text = await screenText(page);
    expect(text).toMatch(/\d+ shared interests?: /);
    expect(text).toMatch(/(under|\d–\d) \d*\s?k?m from you/);
    await checkScreen('for-you');
  };

  /** My bookings: the demo member's upcoming places, and the cache the app keeps of them. */
  const readBookings = async () => {
    await openTab(/^(My bookings|Booked: my bookings)$/, 'My bookings');
    await waitForText(page, 'You have a place.');
    const text = await screenText(page);
    expect(text).toContain('Strength and balance class');
    expect(text).toContain('Community choir');
    // Written down for reading with no signal (the persister writes a moment after the answer).
    await page.waitForFunction(
      `/"queryKey":\\["[A-Za-z]*Bookings/.test(localStorage.getItem('kith.cache') || '')`,
    );
    await checkScreen('bookings');
    return text;
  };

  /** The network off and the app started again: the bookings come from what the app kept. */
  const readBookingsOffline = async (online: string) => {
    const answered: string[] = [];
    const count = (r: { url(): string }) => {
      if (new URL(r.url()).pathname === '/graphql') answered.push(r.url());
    };
    const stopAnswering = await answerAppFromExport(page, new URL(served.url).origin);
    await page.setOfflineMode(true);
    page.on('requestfinished', count);
    try {
      await page.reload({ waitUntil: 'load' });
      await byRole(page, 'heading', 'My bookings');
      await waitForText(page, 'You have a place.');
      const text = await screenText(page);
      // Every booking read online is read again (a notice may come first).
      const bookings = online
        .split('\n')
        .filter((l) => /Strength and balance|Community choir/.test(l));
      expect(bookings.length).toBeGreaterThan(1);
      for (const line of bookings) expect(text).toContain(line);
      expect(answered).toEqual([]);
      await checkScreen('bookings-offline');
    } finally {
      page.off('requestfinished', count);
      await page.setOfflineMode(false);
      await stopAnswering();
    }
  };

  /**
   * Inbox: the tab says how many are new, the message waiting is there with its words, and
   * opening it marks it read. (The worker's own schedules may add others meanwhile: reminders,
   * surveys due; the steps count on this message alone.)
   */
  const readInbox = async (nudge: { title: string; body: string; asker: string }) => {
    const tab = await openTab(/^Inbox [1-9]\d* new$/, 'Inbox');
    await waitForText(page, tab === 'Inbox 1 new' ? 'You have 1 new message.' : 'new messages.');
    await checkScreen('inbox');
    // A message is a button named by what it shows: "New", its title, its words, its date.
    const cardName = async () =>
      (await namesOf(page, 'button')).find(
        (n) => n.includes(nudge.title) && n.includes(nudge.body),
      );
    const unread = await cardName();
    expect(unread).toMatch(/^New\b/);
    await (await byRole(page, 'button', unread!)).click();
    // Opened: read, and, where the app opens what a message links to, on that screen (here the
    // introduction, with the asker's name on the answer), from which back returns to the inbox.
    const answer = `Yes, I would like to meet ${nudge.asker}`;
    await page.waitForFunction(
      `[...document.querySelectorAll('[role="button"]')].some((b) => (b.getAttribute('aria-label') || b.innerText).includes(${JSON.stringify(answer)}) && b.checkVisibility())`,
    );
    await checkScreen('introduction');
    await page.goBack();
    await byRole(page, 'heading', 'Inbox');
    await page.waitForFunction(
      `[...document.querySelectorAll('[role="button"]')].some((b) => b.innerText.includes(${JSON.stringify(nudge.body)}) && !b.innerText.startsWith('New') && b.checkVisibility())`,
    );
    expect(await cardName()).not.toMatch(/^New\b/);
  };

  /** More, then Settings, then Sign out: back to the first screen, nothing kept. */
  const signOut = async () => {
    await openTab(/^More$/, 'More');
    await checkScreen('more');
    await (await byRole(page, 'button', 'Settings')).click();
    await byRole(page, 'heading', 'Settings');
    await checkScreen('settings');
    const tokens = JSON.parse(
      (await page.evaluate(`localStorage.getItem('kith.session')`)) as string,
    ) as { refreshToken: string };
    await (await byRole(page, 'button', 'Sign out')).click();
    await byRole(page, 'heading', 'Sign in to Kith');
    expect(await page.evaluate(`localStorage.getItem('kith.session')`)).toBeNull();
    // Nothing of the member's kept: no cache, or one with no query in it.
    const kept = (await page.evaluate(`localStorage.getItem('kith.cache')`)) as string | null;
    expect(
      kept === null
        ? []
        : (JSON.parse(kept) as { clientState: { queries: unknown[] } }).clientState.queries,
    ).toEqual([]);
    // The server forgot the session too: its refresh token is refused.
    const refreshed = await api.gql(
      `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`,
      { t: tokens.refreshToken },
    );
    expect(refreshed.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  };

  /** The home the API keeps for a member: none until a postcode is saved. */
  const homeOf = async (personId: string) =>
    (
      await db.query<{ postcode: string | null; placed: boolean }>(
        `SELECT p.postcode, p.home IS NOT NULL AS placed FROM person
           LEFT JOIN member_profile p ON p.person_id = person.id WHERE person.id = $1`,
        [personId],
      )
    )[0];

  /** Types into a field from empty (a field keeps what was typed before). */
  const retype = async (label: string, text: string) => {
    const field = await byRole(page, 'textbox', label);
    await field.click({ count: 3 });
    await page.keyboard.press('Backspace');
    await field.type(text);
  };

  /**
   * Onboarding for someone new: a first name, then home by postcode (a malformed one and one
   * outside every area are refused, saying why, and nothing is saved), one interest, the rest
   * skipped, and For you at the end.
   */
  const onboardByPostcode = async (email: string) => {
    await signInByEmail(email);
    await byRole(page, 'heading', 'Welcome to Kith');
    await checkScreen('onboarding-welcome');
    await (await byRole(page, 'button', 'Start')).click();
    await byRole(page, 'heading', 'Your first name');
    await (await byRole(page, 'textbox', 'Your first name')).type('Rose');
    await (await byRole(page, 'button', 'Save and go on')).click();

    await byRole(page, 'heading', 'Where you live');
    [{ id: newcomerId }] = await db.query<{ id: string }>(
      `SELECT id FROM person WHERE email = $1`,
      [email],
    );
    await retype('Your postcode', 'hello');
    await (await byRole(page, 'button', 'Save and go on')).click();
    await waitForText(page, 'This is not a UK postcode. A postcode looks like SE1 7PB.', 15_000);
    await retype('Your postcode', 'KX9 1AA');
    await (await byRole(page, 'button', 'Save and go on')).click();
    await waitForText(page, 'Kith does not run near KX9 1AA yet.');
    expect(await screenText(page)).toContain('Nothing was saved.');
    await checkScreen('onboarding-postcode');
    expect(await homeOf(newcomerId)).toMatchObject({ postcode: null, placed: false });
    await retype('Your postcode', 'KX1 1AB');
    await (await byRole(page, 'button', 'Save and go on')).click();

    await byRole(page, 'heading', 'What you enjoy');
    expect(await homeOf(newcomerId)).toEqual({ postcode: 'KX1 1AB', placed: true });
    await (await byRole(page, 'checkbox', 'Walking')).click();
    await checkScreen('onboarding-interests');
    await (await byRole(page, 'button', 'Save and go on')).click();
    for (const heading of [
      'When you are free',
      'What you need to take part',
      'What you hope for',
      'How far you will go',
    ]) {
      await byRole(page, 'heading', heading);
      await (await byRole(page, 'button', 'Skip this for now')).click();
    }
    await byRole(page, 'heading', 'For you');
    await page.waitForFunction(
      `/Why we picked this:|We cannot suggest anything yet|Nothing new near you/.test(document.body.innerText)`,
    );
    await checkScreen('for-you-newcomer');
  };

  /** A suggestion opened: its page, Join, the place confirmed (or the waiting list), then Booked. */
  const bookFromSession = async () => {
    await byRole(page, 'heading', 'For you');
    // A suggestion is a button named by what it shows; its first line is the activity's title.
    const card = (await namesOf(page, 'button')).find((n) => / from you\b/.test(n));
    expect(card).toBeDefined();
    const title = (await page.evaluate(
      `[...document.querySelectorAll('[role="button"]')].find((b) => / from you\\b/.test(b.innerText) && b.checkVisibility()).innerText.split('\\n')[0].trim()`,
    )) as string;
    expect(card!.startsWith(title)).toBe(true);
    await (await byRole(page, 'button', card!)).click();
    await byRole(page, 'heading', title);
    await byRole(page, 'heading', 'Where');
    await checkScreen('session');
    const join = (await namesOf(page, 'button')).find((n) =>
      ['Join', 'Join the waiting list'].includes(n),
    );
    expect(join).toBeDefined();
    await (await byRole(page, 'button', join!)).click();
    await page.waitForFunction(
      `/You have a place\\. You can find it in My bookings\\.|waiting list\\./.test(document.body.innerText)`,
    );
    const [booking] = await db.query<{ status: string }>(
      `SELECT status FROM booking WHERE person_id = $1`,
      [newcomerId],
    );
    expect(['BOOKED', 'WAITLISTED']).toContain(booking?.status);
    await checkScreen('session-joined');
    // Back to the tabs (the session's page is stacked above them, hiding them).
    await page.goBack();
    await byRole(page, 'heading', 'For you');
    await openTab(/^(My bookings|Booked: my bookings)$/, 'My bookings');
    await waitForText(page, title);
    return title;
  };

  /** More, Questions for you, one survey answered a question a screen, and it is no longer due. */
  const answerSurvey = async () => {
    await openTab(/^More$/, 'More');
    const entry = (await namesOf(page, 'button')).find((n) =>
      /^Questions for you \(\d+ to answer\)$/.test(n),
    );
    expect(entry).toBeDefined();
    await (await byRole(page, 'button', entry!)).click();
    await byRole(page, 'heading', 'Questions for you');
    await checkScreen('surveys');
    const start = (await namesOf(page, 'button')).find((n) => n.startsWith('Start: '))!;
    expect(start).toBeDefined();
    const due = (await namesOf(page, 'button')).filter((n) => n.startsWith('Start: ')).length;
    await (await byRole(page, 'button', start)).click();
    await waitForText(page, 'Question 1 of');
    await checkScreen('survey-question');
    for (;;) {
      const [radio] = await page.$$('::-p-aria([role="radio"])');
      await radio.click();
      if ((await namesOf(page, 'button')).includes('Send my answers')) break;
      const at = /Question (\d+) of/.exec(await screenText(page))![1];
      await (await byRole(page, 'button', 'Next')).click();
      await waitForText(page, `Question ${Number(at) + 1} of`);
    }
    await (await byRole(page, 'button', 'Send my answers')).click();
    await byRole(page, 'heading', 'Thank you');
    await (await byRole(page, 'button', 'Done')).click();
    await byRole(page, 'heading', 'Questions for you');
    await page.waitForFunction(
      `[...document.querySelectorAll('[role="button"]')].filter((b) => (b.getAttribute('aria-label') || b.innerText).startsWith('Start: ') && b.checkVisibility()).length < ${due}`,
    );
    expect(await namesOf(page, 'button')).not.toContain(start);
  };

  /** /graphql refused and the app started again: it says it cannot reach Kith, and shows what it kept. */
  const apiAway = async (booked: string) => {
    await page.goto(`${served.url}/bookings`, { waitUntil: 'load' });
    await byRole(page, 'heading', 'My bookings');
    await waitForText(page, booked);
    await page.waitForFunction(
      `/"queryKey":\\["[A-Za-z]*Bookings/.test(localStorage.getItem('kith.cache') || '')`,
    );
    // Started again a minute later: what was kept is past its 30 s freshness, so the app asks.
    await page.evaluate(`(() => {
      const kept = JSON.parse(localStorage.getItem('kith.cache'));
      for (const q of kept.clientState.queries) q.state.dataUpdatedAt -= 60000;
      localStorage.setItem('kith.cache', JSON.stringify(kept));
    })()`);
    const refuse = (request: HTTPRequest) => {
      if (request.isInterceptResolutionHandled()) return;
      if (new URL(request.url()).pathname === '/graphql') void request.abort('connectionrefused');
      else void request.continue();
    };
    await page.setRequestInterception(true);
    page.on('request', refuse);
    try {
      await page.reload({ waitUntil: 'load' });
      await byRole(page, 'heading', 'My bookings');
      await page
        .waitForFunction(`/We could not reach Kith\\./.test(document.body.innerText)`, {
          timeout: 30_000,
        })
        .catch(async (error: unknown) => {
          throw new Error(`${String(error)}\nthe screen says: ${await screenText(page)}`);
        });
      await waitForText(page, booked);
      await checkScreen('bookings-api-away');
    } finally {
      page.off('request', refuse);
      await page.setRequestInterception(false);
    }
    await page.reload({ waitUntil: 'load' });
    await byRole(page, 'heading', 'My bookings');
    await waitForText(page, booked);
  };

  beforeAll(async () => {
    // Built once and kept (apps/mobile/dist, rebuilt only when its sources change), outside
    // the steps' own time limits.
    exported = await exportWebApp();
    for (const dir of SHOTS) mkdirSync(dir, { recursive: true });
    const env = testEnv({ MAIL_URL: await sink.start(), RATE_LIMIT_SIGNIN_PER_IP: '100000' });
    await seedDemo(env, 300, 20261124);
    const config = loadConfig(env);
    api = await startApi(config);
    worker = await startWorker(config);
    db = api.app.get(Db);
    [{ id: samId }] = await db.query<{ id: string }>(`SELECT id FROM person WHERE email = $1`, [
      SAM,
    ]);
    // While Sam was away, someone new asked to meet them: the worker put it in Sam's inbox.
    await everyoneAwake(db);
    const asker = await signIn(api);
    await db.query(`UPDATE person SET display_name = 'Joan' WHERE id = $1`, [asker.personId]);
    const asked = await api.gql(
      `mutation($p: ID!) { requestIntroduction(personId: $p) { id } }`,
      { p: samId },
      asker.accessToken,
    );
    expect(asked.errors).toBeUndefined();
    [waiting] = await inboxHas(db, samId, 'INTRODUCTION_RECEIVED');
    served = await serveWebApp(api.url);
    browser = await launchChromium();
    page = await phonePage(browser);
    await page.goto(served.url, { waitUntil: 'load' });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    await worker?.close();
    await api?.close();
    await sink.stop();

    console.log(
      `member app journey: export ${exported?.built ? `built in ${exported.seconds} s` : 'reused'}; screens ${visited.join(', ')}` +
        (tolerated.size ? `; known faults let pass: ${[...tolerated].join('; ')}` : ''),
    );
  });

  it('serves the export with the API at the same origin', async () => {
    const ready = await fetch(`${served.url}/health/ready`);
    expect(ready.status).toBe(200);
    const screen = await fetch(`${served.url}/bookings`);
    expect(screen.headers.get('content-type')).toContain('text/html');
  });

  it('signs the demo member in with the code mailed to them, after one typed wrong', async () => {
    await signInByEmail(SAM, { wrongFirst: true });
    await byRole(page, 'tab', 'For you');
  });

  it('shows suggestions with their reasons on For you', async () => {
    await readSuggestions();
  });

  it('lists the demo member’s bookings, and reads them again with the network off', async () => {
    const online = await readBookings();
    await readBookingsOffline(online);
  });

  it('shows the message waiting in the inbox and marks it read when opened', async () => {
    await readInbox({ ...waiting, asker: 'Joan' });
  });

  it('signs out from Settings', async () => {
    await signOut();
    await checkScreen('signed-out');
  });

  it('onboards someone new by postcode, refusing a malformed one and one outside every area', async () => {
    await onboardByPostcode('rose@journey.kith.example');
  });

  it('books a session from its page and shows it in My bookings', async () => {
    booked = await bookFromSession();
  });

  it('answers a survey a question a screen, and it is no longer due', async () => {
    await answerSurvey();
  });

  it('says when Kith cannot be reached, and still shows the bookings it kept', async () => {
    await apiAway(booked);
  });
});
