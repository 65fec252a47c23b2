/**
 * Runs `work` every `everyMs` until stopped, one run at a time; `stop` waits for the run in
 * progress. Errors go to `onError` and the loop goes on.
 */
export class Periodic {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly everyMs: number,
    private readonly work: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
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
        .catch(this.onError)
        .finally(() => {
          this.running = undefined;
          this.next(this.everyMs);
        });
    }, delayMs);
  }
}
