import { routeOfLink } from './nudge-link';

describe('routeOfLink', () => {
  it.each([
    [{ screen: 'SESSION', id: 's1' }, '/session/s1'],
    [{ screen: 'SESSION_FOLLOW_UP', id: 's1' }, '/met/s1'],
    [{ screen: 'INTRODUCTION', id: 'i1' }, '/people/introductions'],
    [{ screen: 'ASSIGNMENT', id: 'a1' }, '/helping'],
    [{ screen: 'HELPER_PROFILE', id: null }, '/helping/offer'],
    [{ screen: 'SURVEYS', id: null }, '/surveys'],
    [{ screen: 'DISCOVER', id: null }, '/find'],
  ])('opens %j at %s', (link, route) => {
    expect(routeOfLink(link)).toBe(route);
  });

  it.each([
    [null],
    [{ screen: 'INBOX', id: null }],
    [{ screen: 'CHECK_IN', id: 't1' }],
    [{ screen: 'SESSION', id: null }],
  ])('stays on the inbox for %j', (link) => {
    expect(routeOfLink(link)).toBeNull();
  });

  it('keeps an id from breaking out of its route', () => {
    expect(routeOfLink({ screen: 'SESSION', id: '../settings' })).toBe('/session/..%2Fsettings');
  });
});
