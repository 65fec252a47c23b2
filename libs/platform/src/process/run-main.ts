import { ConfigError } from '../config/config';
import { StartupError } from '../health/probes';
import { WorkerStartupError } from '../queue/job-handler-registry';

/**
 * Runs a process entry point. A start-up problem (bad config, a service out of reach, a job
 * without a handler) is printed plainly, naming what is wrong, and the process exits 1.
 */
export function runMain(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const known =
      error instanceof ConfigError ||
      error instanceof StartupError ||
      error instanceof WorkerStartupError;
    const message = known
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
    process.stderr.write(`kith ${name} cannot start:\n${message}\n`);
    process.exit(1);
  });
}
