import { onlineManager } from '@tanstack/react-query';
import { fireEvent, within, screen, waitFor } from '@testing-library/react-native';

import { LanguageProvider } from '../../i18n/language';
import { gqlError, type FakeAnswer } from '../../test/fake-api';
import { inboxPage, nudge } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { InboxScreen } from './inbox-screen';

const FIRST_PAGE = inboxPage(
  [nudge('n1', 'Garden club tomorrow'), nudge('n2', 'How was choir?', true)],
  1,
  'c-n2',
);
const SECOND_PAGE = inboxPage([nudge('n3', 'Welcome to Kith', true)], 1);

describe('InboxScreen', () => {
  it('lists messages, newest first, saying which are new and how many', async () => {
    await renderScreen(<InboxScreen onOpenRoute={jest.fn()} />, {
      handlers: { MyInbox: () => FIRST_PAGE },
    });
    expect(await screen.findByText('Garden club tomorrow')).toBeOnTheScreen();
    expect(screen.getByText('You have 1 new message.')).toBeOnTheScreen();
    // Each message is one button named by what it shows (voice control says what it sees).
    const fresh = screen.getByTestId('nudge-n1');
    expect(fresh.props.accessibilityRole).toBe('button');
    expect(fresh.props.accessibilityLabel).toBeUndefined();
    expect(within(fresh).getByText('New')).toBeOnTheScreen();
    expect(within(fresh).getByText('About Garden club tomorrow')).toBeOnTheScreen();
    expect(within(screen.getByTestId('nudge-n2')).queryByText('New')).toBeNull();
    expect(screen.getAllByText('Friday 4 December')).toHaveLength(2);
  });

  it('marks a new message read when opened', async () => {
    let read = false;
    const { api } = await renderScreen(<InboxScreen onOpenRoute={jest.fn()} />, {
      handlers: {
        MyInbox: () =>
          read
            ? inboxPage(
                [nudge('n1', 'Garden club tomorrow', true), nudge('n2', 'How was choir?', true)],
                0,
              )
            : FIRST_PAGE,
        MarkNudgeRead: ({ id }) => {
          read = true;
          return { data: { markNudgeRead: { id, readAt: '2026-12-05T09:00:00.000Z' } } };
        },
      },
    });
    fireEvent.press(await screen.findByTestId('nudge-n1'));
    expect(await screen.findByText('You have read all your messages.')).toBeOnTheScreen();
    expect(api.callsOf('MarkNudgeRead')[0]?.variables).toEqual({ id: 'n1' });
    // Opening a message already read asks nothing of the API.
    fireEvent.press(screen.getByTestId('nudge-n2'));
    expect(api.callsOf('MarkNudgeRead')).toHaveLength(1);
  });

  it('opens the screen a message links to, marking it read', async () => {
    const onOpenRoute = jest.fn();
    const linked = (id: string, title: string, screen: string, linkId: string | null) => ({
      ...nudge(id, title),
      link: { screen, id: linkId },
    });
    const { api } = await renderScreen(<InboxScreen onOpenRoute={onOpenRoute} />, {
      handlers: {
        MyInbox: () => ({
          data: {
            myInbox: {
              unreadCount: 7,
              edges: [
                linked('n1', 'Garden club tomorrow', 'SESSION', 's1'),
                linked('n2', 'How was choir?', 'SESSION_FOLLOW_UP', 's2'),
                linked('n3', 'Ann would like to meet you', 'INTRODUCTION', 'i1'),
                linked('n4', 'Can you help Sam?', 'ASSIGNMENT', 'a1'),
                linked('n5', 'Your check is running out', 'HELPER_PROFILE', null),
                linked('n6', 'A few questions', 'SURVEYS', null),
                linked('n7', 'Something new', 'SOMEWHERE_NEW', 'x1'),
              ].map((node) => ({ cursor: `c-${node.id}`, node })),
              pageInfo: { hasNextPage: false, endCursor: null },
            },
          },
        }),
        MarkNudgeRead: ({ id }) => ({
          data: { markNudgeRead: { id, readAt: '2026-12-05T09:00:00.000Z' } },
        }),
      },
    });
    for (const id of ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7']) {
      fireEvent.press(await screen.findByTestId(`nudge-${id}`));
    }
    expect(onOpenRoute.mock.calls).toEqual([
      ['/session/s1'],
      ['/met/s2'],
      ['/people/introductions'],
      ['/helping'],
      ['/helping/offer'],
      ['/surveys'],
    ]);
    await waitFor(() => expect(api.callsOf('MarkNudgeRead')).toHaveLength(7));
    expect(api.callsOf('MarkNudgeRead').map((c) => c.variables.id)).toEqual([
      'n1',
      'n2',
      'n3',
      'n4',
      'n5',
      'n6',
      'n7',
    ]);
  });

  it('speaks Spanish when the member chose it', async () => {
    await renderScreen(
      <LanguageProvider initialLanguage="es">
        <InboxScreen onOpenRoute={jest.fn()} />
      </LanguageProvider>,
      { handlers: { MyInbox: () => FIRST_PAGE } },
    );
    expect(await screen.findByText('Tienes 1 mensaje nuevo.')).toBeOnTheScreen();
    expect(screen.getByText('Mensajes')).toBeOnTheScreen();
    expect(screen.getAllByText('viernes, 4 de diciembre')).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Ver mensajes anteriores' })).toBeOnTheScreen();
  });

  it('says so when marking read did not work', async () => {
    await renderScreen(<InboxScreen onOpenRoute={jest.fn()} />, {
      handlers: { MyInbox: () => FIRST_PAGE, MarkNudgeRead: () => 'network-error' },
    });
    fireEvent.press(await screen.findByTestId('nudge-n1'));
    expect(await screen.findByText(/Check that you are online/)).toBeOnTheScreen();
  });

  it('shows older messages a page at a time', async () => {
    const { api } = await renderScreen(<InboxScreen onOpenRoute={jest.fn()} />, {
      handlers: { MyInbox: ({ after }) => (after === 'c-n2' ? SECOND_PAGE : FIRST_PAGE) },
    });
    fireEvent.press(await screen.findByRole('button', { name: 'Show older messages' }));
    expect(await screen.findByText('Welcome to Kith')).toBeOnTheScreen();
    expect(api.callsOf('MyInbox').map((c) => c.variables)).toEqual([
      { first: 20, after: null },
      { first: 20, after: 'c-n2' },
    ]);
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Show older messages' })).toBeNull(),
    );
  });

  it('explains an empty inbox', async () => {
    await renderScreen(<InboxScreen onOpenRoute={jest.fn()} />, {
      handlers: { MyInbox: () => inboxPage([], 0) },
    });
    expect(await screen.findByText('No messages yet')).toBeOnTheScreen();
  });

  it('shows loading, then an error with a way to try again', async () => {
    let answer: FakeAnswer | null = null;
    await renderScreen(<InboxScreen onOpenRoute={jest.fn()} />, {
      handlers: {
        MyInbox: () =>
          answer ??
          new Promise<FakeAnswer>((resolve) =>
            setTimeout(() => resolve(gqlError('INTERNAL_SERVER_ERROR')), 10),
          ),
      },
    });
    expect(screen.getByLabelText('Getting your messages')).toBeOnTheScreen();
    expect(await screen.findByText('Sorry, that did not work')).toBeOnTheScreen();
    answer = FIRST_PAGE;
    fireEvent.press(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Garden club tomorrow')).toBeOnTheScreen();
  });

  it('says it is offline when nothing was kept', async () => {
    onlineManager.setOnline(false);
    await renderScreen(<InboxScreen onOpenRoute={jest.fn()} />, {
      handlers: { MyInbox: () => FIRST_PAGE },
    });
    expect(screen.getByText('You are offline')).toBeOnTheScreen();
  });
});
