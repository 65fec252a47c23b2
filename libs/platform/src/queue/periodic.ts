/**
 * Runs `work` every `everyMs` until stopped, one run at a time; `stop` waits for the run in
 * progress. Errors go to `onError` and the loop goes on.
 */
export class Periodic {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private failures = 0;

  constructor(
    private readonly everyMs: number,
    private readonly work: () => Promise<void>,
    /** `failures`: how many runs in a row have failed, this one included. */
    private readonly onError: (error: unknown, failures: number) => void,
  ) {}

  start(firstInMs = 0): void {
    this.stopped = false;
    this.next(firstInMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private next(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.work()
        .then(
          () => void (this.failures = 0),
          (error: unknown) => {
            this.failures += 1;
            this.onError(error, this.failures);
          },
        )
        .finally(() => {
          this.running = undefined;
          this.next(this.everyMs);
        });
    }, delayMs);
  }
}
