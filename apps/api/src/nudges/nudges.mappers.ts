import { formatWallTime } from '@kith/nudges';
import type { InboxNudge, NudgePreferences as Preferences } from '@kith/nudges';
import type { Nudge, NudgePreferences } from './nudge.model';

export function toNudge(row: InboxNudge): Nudge {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    createdAt: row.sentAt,
    readAt: row.readAt,
    link: row.linkScreen ? { screen: row.linkScreen, id: row.linkId } : null,
  };
}

export function toPreferences(prefs: Preferences): NudgePreferences {
  return {
    channels: [...prefs.channels],
    quietHoursStart: formatWallTime(prefs.quietStart),
    quietHoursEnd: formatWallTime(prefs.quietEnd),
    weeklyLimit: prefs.weeklyLimit,
    pausedUntil: prefs.pausedUntil,
    language: prefs.language,
    digestAt: prefs.digestAt === null ? null : formatWallTime(prefs.digestAt),
  };
}
