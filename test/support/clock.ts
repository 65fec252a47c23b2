import { Clock } from '@kith/platform';

/** A clock a test sets: time moves only when the test says so. */
export class TestClock extends Clock {
  constructor(public at: Date) {
    super();
  }

  override now(): Date {
    return new Date(this.at);
  }

  advanceDays(days: number): void {
    this.at = new Date(this.at.getTime() + days * 24 * 3600 * 1000);
  }
}
