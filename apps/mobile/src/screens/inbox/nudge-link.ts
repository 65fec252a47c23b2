/** Where a nudge's link (`{ screen, id }`, from the inbox or a push) opens in the app. */
export interface NudgeLinkLike {
  screen: string;
  id?: string | null;
}

/**
 * The route a link opens, or null to stay where the member is (a screen this app does not have
 * yet, or a link missing the id it needs).
 */
export function routeOfLink(link: NudgeLinkLike | null | undefined): string | null {
  if (!link) return null;
  const id = link.id ? encodeURIComponent(link.id) : null;
  switch (link.screen) {
    case 'SESSION':
      return id ? `/session/${id}` : null;
    case 'SESSION_FOLLOW_UP':
      return id ? `/met/${id}` : null;
    case 'INTRODUCTION':
      return '/people/introductions';
    case 'ASSIGNMENT':
      return '/helping';
    case 'HELPER_PROFILE':
      return '/helping/offer';
    case 'SURVEYS':
      return '/surveys';
    case 'DISCOVER':
      return '/find';
    default:
      return null;
  }
}
