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

/**
 * A clock that runs as real time does, from a point a test may move it on to: what is due "now"
 * by the database's own clock stays due, and work planned for later falls due when the test
 * jumps to it.
 */
export class JumpingClock extends Clock {
  private offsetMs = 0;

  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Jumps forward to `at` (never back: what was due must stay due). */
  jumpTo(at: Date): void {
    this.offsetMs = Math.max(this.offsetMs, at.getTime() - Date.now());
  }
}
