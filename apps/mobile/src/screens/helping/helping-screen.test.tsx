import { onlineManager } from '@tanstack/react-query';
import { fireEvent, screen, waitFor, within } from '@testing-library/react-native';

import { gqlError, type FakeAnswer, type FakeHandler } from '../../test/fake-api';
import { assignment, helperProfile, helping } from '../../test/fixtures-people';
import { renderScreen } from '../../test/render';
import { HelpingScreen } from './helping-screen';

const TODAY = new Date('2026-12-05T09:00:00.000Z');

const ASSIGNMENTS = [
  assignment('as1', 'OFFERED'),
  assignment('as2', 'ACCEPTED', { scheduledAt: '2026-12-08T10:00:00.000Z' }),
  assignment('as3', 'COMPLETED', { minutes: 90 }),
  assignment('as4', 'COMPLETED', { minutes: 60 }),
  assignment('as5', 'DECLINED'),
];

function render(handlers: Record<string, FakeHandler> = {}) {
  const onOffer = jest.fn();
  return renderScreen(<HelpingScreen onOffer={onOffer} today={TODAY} />, {
    handlers: { Helping: () => helping(helperProfile(), ASSIGNMENTS), ...handlers },
  }).then((r) => ({ ...r, onOffer }));
}

function updated(name: string) {
  return (v: Record<string, unknown>): FakeAnswer => ({
    data: { [name]: { id: v.id, status: 'ACCEPTED', scheduledAt: v.at, minutes: v.minutes } },
  });
}

describe('HelpingScreen', () => {
  it('shows DBS status, help asked, accepted and done, and the time given', async () => {
    await render();
    expect(
      await screen.findByText('You can help. Your DBS check is good until 3 March 2027.'),
    ).toBeOnTheScreen();
    expect(
      screen.getByText('You have given 2 hours 30 minutes of help. Thank you.'),
    ).toBeOnTheScreen();
    expect(screen.getByText('Asked of you')).toBeOnTheScreen();
    expect(
      screen.getByText('You said you will come on Tuesday 8 December, 10:00am.'),
    ).toBeOnTheScreen();
    expect(screen.getByText('Address: 4 Elm Road, SE1 1AA')).toBeOnTheScreen();
    expect(screen.getByText('You gave 1 hour 30 minutes of help.')).toBeOnTheScreen();
    expect(screen.queryByTestId('assignment-as5')).toBeNull();
    const offered = within(screen.getByTestId('assignment-as1'));
    expect(offered.getByText("At Rose's home, under 1 km from you")).toBeOnTheScreen();
    expect(offered.queryByText(/Address/)).toBeNull();
  });

  it.each([
    [{ status: 'PENDING', approved: false }, /A coordinator will check your details/],
    [{ dbsExpiresOnDate: '2026-12-01' }, /Your DBS check ran out on 1 December 2026/],
    [{ dbsExpiresOnDate: null }, /Your DBS check is done/],
    [{ status: 'SUSPENDED', approved: false }, /on hold for now/],
  ])('says the helper status %j in plain words', async (overrides, text) => {
    await render({ Helping: () => helping(helperProfile(overrides), []) });
    expect(await screen.findByText(text)).toBeOnTheScreen();
    expect(screen.getByText(/Nothing has been asked of you yet/)).toBeOnTheScreen();
  });

  it('accepts with the day and time the helper will come', async () => {
    const { api } = await render({ RespondToAssignment: updated('respondToAssignment') });
    const card = within(await screen.findByTestId('assignment-as1'));
    fireEvent.press(card.getByRole('button', { name: 'Say yes' }));
    fireEvent.press(card.getByRole('button', { name: 'Say yes and send the time' }));
    expect(card.getByText('Choose a day and a time.')).toBeOnTheScreen();
    expect(api.callsOf('RespondToAssignment')).toHaveLength(0);
    fireEvent.press(card.getByRole('radio', { name: 'Tuesday 8 December' }));
    fireEvent.press(card.getByRole('radio', { name: '2pm' }));
    fireEvent.press(card.getByRole('button', { name: 'Say yes and send the time' }));
    await waitFor(() =>
      expect(api.callsOf('RespondToAssignment')[0]?.variables).toEqual({
        id: 'as1',
        accept: true,
        at: '2026-12-08T14:00:00.000Z',
      }),
    );
    await waitFor(() => expect(api.callsOf('Helping')).toHaveLength(2));
  });

  it('declines', async () => {
    const { api } = await render({ RespondToAssignment: updated('respondToAssignment') });
    const card = within(await screen.findByTestId('assignment-as1'));
    fireEvent.press(card.getByRole('button', { name: 'Not this time' }));
    await waitFor(() =>
      expect(api.callsOf('RespondToAssignment')[0]?.variables).toEqual({
        id: 'as1',
        accept: false,
        at: null,
      }),
    );
  });

  it('changes the time of accepted help', async () => {
    const { api } = await render({ ScheduleAssignment: updated('scheduleAssignment') });
    const card = within(await screen.findByTestId('assignment-as2'));
    fireEvent.press(card.getByRole('button', { name: 'Change the time' }));
    fireEvent.press(card.getByRole('radio', { name: 'Saturday 5 December' }));
    fireEvent.press(card.getByRole('radio', { name: '10am' }));
    fireEvent.press(card.getByRole('button', { name: 'Save the new time' }));
    await waitFor(() =>
      expect(api.callsOf('ScheduleAssignment')[0]?.variables).toEqual({
        id: 'as2',
        at: '2026-12-05T10:00:00.000Z',
      }),
    );
  });

  it('marks help done with its minutes', async () => {
    const { api } = await render({ CompleteAssignment: updated('completeAssignment') });
    const card = within(await screen.findByTestId('assignment-as2'));
    fireEvent.press(card.getByRole('button', { name: 'Mark as done' }));
    expect(card.getByRole('radio', { name: '1 hour' })).toBeChecked();
    fireEvent.press(card.getByRole('radio', { name: '1 hour 30 minutes' }));
    fireEvent.press(card.getByRole('button', { name: 'Save: the help is done' }));
    await waitFor(() =>
      expect(api.callsOf('CompleteAssignment')[0]?.variables).toEqual({ id: 'as2', minutes: 90 }),
    );
  });

  it('shows the API’s message when the minutes are refused', async () => {
    await render({
      CompleteAssignment: () =>
        gqlError('BAD_USER_INPUT', 'bad', [
          { path: 'minutes', message: 'at most 150; a coordinator can grant more' },
        ]),
    });
    const card = within(await screen.findByTestId('assignment-as2'));
    fireEvent.press(card.getByRole('button', { name: 'Mark as done' }));
    fireEvent.press(card.getByRole('radio', { name: '3 hours' }));
    fireEvent.press(card.getByRole('button', { name: 'Save: the help is done' }));
    expect(await card.findByText('at most 150; a coordinator can grant more')).toBeOnTheScreen();
  });

  it('offers time to a member who does not help yet', async () => {
    const { onOffer } = await render({ Helping: () => helping(null) });
    expect(await screen.findByText('You do not help yet')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Offer your time' }));
    expect(onOffer).toHaveBeenCalled();
  });

  it('shows loading, error and offline states', async () => {
    const loading = await render({ Helping: () => new Promise<FakeAnswer>(() => undefined) });
    expect(screen.getByLabelText('Getting your helping')).toBeOnTheScreen();
    loading.unmount();
    const failing = await render({ Helping: () => gqlError('INTERNAL_SERVER_ERROR') });
    expect(await screen.findByText('Sorry, that did not work')).toBeOnTheScreen();
    failing.unmount();
    onlineManager.setOnline(false);
    await render();
    expect(screen.getByText('You are offline')).toBeOnTheScreen();
  });
});
