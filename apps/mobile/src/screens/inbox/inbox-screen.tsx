import { Pressable, StyleSheet, View } from 'react-native';

import type { MyInboxQuery } from '../../gql/graphql';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { describeError } from '../../ui/describe-error';
import { Screen } from '../../ui/screen';
import { EmptyState, QueryView } from '../../ui/states';
import { colours, space, TOUCH_MIN } from '../../ui/theme';
import { unreadCountOf, useInbox, useMarkRead } from './use-inbox';

type Nudge = MyInboxQuery['myInbox']['edges'][number]['node'];

function dateOf(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    timeZone: 'Europe/London',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });
}

function NudgeCard({ nudge, onOpen }: { nudge: Nudge; onOpen: () => void }) {
  const unread = nudge.readAt === null;
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={`${unread ? 'New message. ' : ''}${nudge.title}. ${nudge.body}`}
      accessibilityHint={unread ? 'Marks this message as read' : undefined}
      onPress={onOpen}
      testID={`nudge-${nudge.id}`}
      style={[styles.card, unread && styles.unread]}
    >
      {unread ? <AppText variant="heading">New</AppText> : null}
      <AppText variant="heading">{nudge.title}</AppText>
      <AppText>{nudge.body}</AppText>
      <AppText variant="muted">{dateOf(nudge.createdAt)}</AppText>
    </Pressable>
  );
}

export function InboxScreen() {
  const inbox = useInbox();
  const markRead = useMarkRead();
  const unread = unreadCountOf(inbox.data);
  return (
    <Screen title="Inbox">
      <QueryView query={inbox} loadingText="Getting your messages">
        {(data) => {
          const nudges = data.pages.flatMap((page) => page.myInbox.edges.map((edge) => edge.node));
          if (nudges.length === 0) {
            return (
              <EmptyState title="No messages yet">
                <AppText>
                  We will write to you here about your bookings and the people you meet.
                </AppText>
              </EmptyState>
            );
          }
          return (
            <>
              <AppText>
                {unread === 0
                  ? 'You have read all your messages.'
                  : unread === 1
                    ? 'You have 1 new message.'
                    : `You have ${unread} new messages.`}
              </AppText>
              {markRead.error ? (
                <AppText variant="error" accessibilityRole="alert">
                  {describeError(markRead.error)}
                </AppText>
              ) : null}
              <View style={styles.list}>
                {nudges.map((nudge) => (
                  <NudgeCard
                    key={nudge.id}
                    nudge={nudge}
                    onOpen={() => {
                      if (nudge.readAt === null) markRead.mutate({ id: nudge.id });
                    }}
                  />
                ))}
              </View>
              {inbox.hasNextPage ? (
                <Button
                  label="Show older messages"
                  variant="secondary"
                  busy={inbox.isFetchingNextPage}
                  onPress={() => void inbox.fetchNextPage()}
                />
              ) : null}
            </>
          );
        }}
      </QueryView>
    </Screen>
  );
}

const styles = StyleSheet.create({
  list: { gap: space.m },
  card: {
    minHeight: TOUCH_MIN,
    backgroundColor: colours.surface,
    borderRadius: 12,
    padding: space.m,
    gap: space.s,
  },
  unread: { borderLeftWidth: 6, borderLeftColor: colours.primary },
});
