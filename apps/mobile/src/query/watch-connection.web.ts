/** A browser's online and offline events are TanStack Query's default: nothing to add. */
export function watchConnection(): void {}
