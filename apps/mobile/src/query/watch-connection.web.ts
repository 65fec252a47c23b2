import { onlineManager } from '@tanstack/react-query';

/**
 * A browser's online and offline events are TanStack Query's default, but it assumes it starts
 * online: an app opened with no signal would not say so. Start from what the browser knows.
 */
export function watchConnection(): void {
  if (typeof navigator !== 'undefined' && typeof navigator.onLine === 'boolean')
    onlineManager.setOnline(navigator.onLine);
}
