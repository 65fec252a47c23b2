import { Worker } from 'node:worker_threads';
import { Injectable } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import { fromFloating, toFloating } from '@kith/platform';
import { MAX_SESSIONS_PER_EXPANSION, RecurrenceError } from './recurrence';
import type { Recurrence } from './recurrence';

/**
 * How long one expansion may take. rrule walks a rule that never matches (FREQ=DAILY;BYMONTH=2;
 * BYMONTHDAY=30) day by day to the year 9999, over 20 s of CPU here, and no UNTIL or COUNT stops
 * it; a yearly one (FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31) is found empty in about 0.25 s, so the
 * budget sits well above that (at 250 ms the same rule got either answer by the machine's load).
 */
export const EXPANSION_BUDGET_MS = 1000;
/** How long one expansion may wait, queued and running, before it is refused anyway. */
export const EXPANSION_DEADLINE_MS = 10_000;
/** How many expansions may wait at once; more are refused at once rather than piled up. */
export const EXPANSION_QUEUE_LIMIT = 200;

// Plain JavaScript, run in a worker thread: rrule itself, and nothing of ours.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { RRule } = require(workerData.rrule);
parentPort.postMessage({ ready: true });
parentPort.on('message', (m) => {
  try {
    const rule = new RRule({ ...RRule.parseString(m.text), dtstart: new Date(m.dtstart) });
    const found = [];
    rule.between(new Date(m.from), new Date(m.until), true, (date) => {
      found.push(date.getTime());
      return found.length < m.max;
    });
    parentPort.postMessage({ id: m.id, starts: found });
  } catch (error) {
    parentPort.postMessage({ id: m.id, error: String((error && error.message) || error) });
  }
});
`;

interface Pending {
  message: { id: number; text: string; dtstart: number; from: number; until: number; max: number };
  resolve: (starts: number[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout | undefined;
  deadline: NodeJS.Timeout | undefined;
}

/**
 * Expands untrusted recurrence rules in a worker thread with a time budget, so that no rule
 * keeps the API's or the worker's event loop: a rule over budget fails as a RecurrenceError, its
 * thread is replaced, and expansions waiting behind it go to the new one. One rule is in the
 * thread at a time and its budget starts when the thread has it, so the budget measures that
 * rule alone: not the thread starting up, nor rules queued ahead of it.
 */
@Injectable()
export class RecurrenceEngine implements OnModuleDestroy {
  private worker: Worker | undefined;
  private ready = false;
  private inFlight: Pending | undefined;
  private readonly queue: Pending[] = [];
  private serial = 0;

  /** Starts from `from` to `until` (inclusive), at most `max`, as real instants. */
  async occurrences(
    recurrence: Recurrence,
    from: Date,
    until: Date,
    max = MAX_SESSIONS_PER_EXPANSION,
  ): Promise<Date[]> {
    const starts = await new Promise<number[]>((resolve, reject) => {
      this.serial += 1;
      const pending: Pending = {
        message: {
          id: this.serial,
          text: recurrence.text,
          dtstart: recurrence.rule.options.dtstart.getTime(),
          from: toFloating(from).getTime(),
          until: toFloating(until).getTime(),
          max,
        },
        resolve,
        reject,
        timer: undefined,
        deadline: undefined,
      };
      if (this.queue.length >= EXPANSION_QUEUE_LIMIT) {
        reject(new RecurrenceError('too many schedules are being worked out; try again shortly'));
        return;
      }
      pending.deadline = setTimeout(() => this.expire(pending), EXPANSION_DEADLINE_MS);
      pending.deadline.unref();
      this.queue.push(pending);
      this.pump();
    });
    return starts
      .map((floating) => fromFloating(new Date(floating)))
      .filter((start) => start >= from && start <= until);
  }

  onModuleDestroy(): Promise<number> | undefined {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = false;
    this.failAll(new RecurrenceError('the service is shutting down; try again shortly'));
    return worker?.terminate();
  }

  /** Settles every expansion queued or running with the error, so none waits forever. */
  private failAll(error: Error): void {
    const failed = [...(this.inFlight ? [this.inFlight] : []), ...this.queue.splice(0)];
    this.inFlight = undefined;
    for (const pending of failed) this.settle(pending).reject(error);
  }

  private settle(pending: Pending): Pending {
    clearTimeout(pending.timer);
    clearTimeout(pending.deadline);
    return pending;
  }

  /** Waited too long in all (a thread that never came up, a long queue): refused, not hung. */
  private expire(pending: Pending): void {
    if (this.inFlight === pending) return this.overBudget(pending);
    const at = this.queue.indexOf(pending);
    if (at < 0) return;
    this.queue.splice(at, 1);
    this.settle(pending).reject(
      new RecurrenceError('the schedule could not be worked out in time; try again shortly'),
    );
  }

  /** Hands the next waiting rule to the thread once it is ready and free. */
  private pump(): void {
    if (this.inFlight || this.queue.length === 0) return;
    const worker = this.ensureWorker();
    if (!this.ready) return;
    const pending = this.queue.shift();
    if (!pending) return;
    this.inFlight = pending;
    pending.timer = setTimeout(() => this.overBudget(pending), EXPANSION_BUDGET_MS);
    pending.timer.unref();
    worker.postMessage(pending.message);
  }

  private overBudget(pending: Pending): void {
    if (this.inFlight !== pending) return;
    this.inFlight = undefined;
    this.settle(pending).reject(
      new RecurrenceError(
        'this rule takes too long to work out (it may never match); make it simpler',
      ),
    );
    // The thread is stuck in rrule: replace it, and go on with what was waiting behind.
    const stuck = this.worker;
    this.worker = undefined;
    this.ready = false;
    void stuck?.terminate();
    this.pump();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { rrule: require.resolve('rrule') },
    });
    worker.unref();
    worker.on(
      'message',
      (reply: { ready?: true; id?: number; starts?: number[]; error?: string }) => {
        if (this.worker !== worker) return;
        if (reply.ready) {
          this.ready = true;
          this.pump();
          return;
        }
        const pending = this.inFlight;
        if (!pending || pending.message.id !== reply.id) return;
        this.inFlight = undefined;
        this.settle(pending);
        if (reply.error !== undefined)
          pending.reject(new RecurrenceError(`not a valid RRULE: ${reply.error}`));
        else pending.resolve(reply.starts ?? []);
        this.pump();
      },
    );
    // The rule it held fails; those queued behind it go to a fresh thread.
    const lost = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.ready = false;
      const held = this.inFlight;
      this.inFlight = undefined;
      if (held) this.settle(held).reject(error);
      this.pump();
    };
    worker.on('error', lost);
    // A thread that ends without an error (killed, out of memory) fails what it held too.
    worker.on('exit', (code) => lost(new Error(`the recurrence thread stopped (exit ${code})`)));
    this.worker = worker;
    this.ready = false;
    return worker;
  }
}
