import { onlineManager } from '@tanstack/react-query';
import { fireEvent, screen, waitFor } from '@testing-library/react-native';

import { gqlError, type FakeAnswer, type FakeHandler } from '../../test/fake-api';
import { helperProfile, SKILLS } from '../../test/fixtures-people';
import { renderScreen } from '../../test/render';
import { expectWebChecked } from '../../test/web-checked';
import { OfferScreen } from './offer-screen';

const NEW_HELPER = { data: { ...SKILLS.data, me: { id: 'me', helperProfile: null } } };
const SAVED: FakeAnswer = {
  data: { updateHelperProfile: { status: 'PENDING', approved: false } },
};

function render(handlers: Record<string, FakeHandler> = {}) {
  const onDone = jest.fn();
  return renderScreen(<OfferScreen onDone={onDone} />, {
    handlers: { OfferTime: () => NEW_HELPER, UpdateHelperProfile: () => SAVED, ...handlers },
  }).then((r) => ({ ...r, onDone }));
}

function fillIn() {
  fireEvent.press(screen.getByRole('checkbox', { name: 'Shopping' }));
  fireEvent.press(screen.getByRole('checkbox', { name: 'Small jobs at home' }));
  fireEvent.changeText(screen.getByLabelText('Your postcode'), ' se1 7pb ');
  fireEvent.press(screen.getByRole('checkbox', { name: 'Monday' }));
  fireEvent.press(screen.getByRole('checkbox', { name: 'Afternoon (12 noon to 5pm)' }));
}

describe('OfferScreen', () => {
  it('offers skills, a postcode, how far, when and a weekly limit', async () => {
    const { api, onDone } = await render();
    await screen.findByRole('checkbox', { name: 'Shopping' });
    fillIn();
    fireEvent.press(screen.getByRole('radio', { name: 'Up to 3 km' }));
    fireEvent.press(screen.getByRole('radio', { name: '3 hours a week' }));
    fireEvent.press(screen.getByRole('button', { name: 'Offer my time' }));
    expect(await screen.findByText('Thank you for offering')).toBeOnTheScreen();
    expect(api.callsOf('UpdateHelperProfile')[0]?.variables).toEqual({
      input: {
        skillIds: ['sk-diy', 'sk-shop'],
        basePostcode: 'se1 7pb',
        travelRadiusMetres: 3000,
        availability: [{ weekday: 'MON', start: '12:00', end: '17:00' }],
        maxMinutesPerWeek: 180,
      },
    });
    fireEvent.press(screen.getByRole('button', { name: 'Go back' }));
    expect(onDone).toHaveBeenCalled();
  });

  it('starts from what a helper offers already, asking nothing again', async () => {
    const { api } = await render({
      OfferTime: () => ({
        data: { ...SKILLS.data, me: { id: 'me', helperProfile: helperProfile() } },
      }),
    });
    expect(await screen.findByRole('checkbox', { name: 'Shopping' })).toBeChecked();
    expect(screen.getByLabelText('Your postcode')).toHaveDisplayValue('SE1 7PB');
    expect(screen.getByRole('checkbox', { name: 'Monday' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Thursday' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Friday' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Afternoon (12 noon to 5pm)' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Morning (9am to 12 noon)' })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'Up to 2 km' })).toBeChecked();
    expect(screen.getByRole('radio', { name: '3 hours a week' })).toBeChecked();
    expectWebChecked({ Shopping: true, Monday: true, Friday: false, 'Up to 2 km': true });
    fireEvent.press(screen.getByRole('radio', { name: 'Up to 5 km' }));
    fireEvent.press(screen.getByRole('button', { name: 'Offer my time' }));
    await waitFor(() =>
      expect(api.callsOf('UpdateHelperProfile')[0]?.variables).toEqual({
        input: {
          skillIds: ['sk-shop'],
          basePostcode: 'SE1 7PB',
          travelRadiusMetres: 5000,
          availability: [
            { weekday: 'MON', start: '12:00', end: '17:00' },
            { weekday: 'THU', start: '12:00', end: '17:00' },
          ],
          maxMinutesPerWeek: 180,
        },
      }),
    );
  });

  it('keeps times the form cannot show exactly until the helper changes them', async () => {
    const odd = helperProfile({
      availability: [{ weekday: 'WED', start: '10:00', end: '14:00' }],
    });
    const { api } = await render({
      OfferTime: () => ({ data: { ...SKILLS.data, me: { id: 'me', helperProfile: odd } } }),
    });
    expect(await screen.findByRole('checkbox', { name: 'Wednesday' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Morning (9am to 12 noon)' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Afternoon (12 noon to 5pm)' })).toBeChecked();
    fireEvent.press(screen.getByRole('button', { name: 'Offer my time' }));
    await waitFor(() => expect(api.callsOf('UpdateHelperProfile')).toHaveLength(1));
    expect(api.callsOf('UpdateHelperProfile')[0]?.variables).toMatchObject({
      input: { availability: [{ weekday: 'WED', start: '10:00', end: '14:00' }] },
    });
  });

  it('sends the times chosen once changed, and no limit as null', async () => {
    const { api } = await render({
      OfferTime: () => ({
        data: { ...SKILLS.data, me: { id: 'me', helperProfile: helperProfile() } },
      }),
    });
    fireEvent.press(await screen.findByRole('checkbox', { name: 'Thursday' }));
    fireEvent.press(screen.getByRole('checkbox', { name: 'Friday' }));
    fireEvent.press(screen.getByRole('radio', { name: 'No limit' }));
    fireEvent.press(screen.getByRole('button', { name: 'Offer my time' }));
    await waitFor(() =>
      expect(api.callsOf('UpdateHelperProfile')[0]?.variables).toEqual({
        input: {
          skillIds: ['sk-shop'],
          basePostcode: 'SE1 7PB',
          travelRadiusMetres: 2000,
          availability: [
            { weekday: 'MON', start: '12:00', end: '17:00' },
            { weekday: 'FRI', start: '12:00', end: '17:00' },
          ],
          maxMinutesPerWeek: null,
        },
      }),
    );
  });

  it('asks for a postcode when the base was given as coordinates', async () => {
    const { api } = await render({
      OfferTime: () => ({
        data: {
          ...SKILLS.data,
          me: { id: 'me', helperProfile: helperProfile({ basePostcode: null }) },
        },
      }),
    });
    expect(await screen.findByLabelText('Your postcode')).toHaveDisplayValue('');
    fireEvent.press(screen.getByRole('button', { name: 'Offer my time' }));
    expect(screen.getByText('Write your postcode, for example SE1 7PB.')).toBeOnTheScreen();
    expect(api.callsOf('UpdateHelperProfile')).toHaveLength(0);
  });

  it('says what is missing before sending anything', async () => {
    const { api } = await render();
    fireEvent.press(await screen.findByRole('button', { name: 'Offer my time' }));
    expect(screen.getByText('Choose at least one thing you could help with.')).toBeOnTheScreen();
    expect(screen.getByText('Write your postcode, for example SE1 7PB.')).toBeOnTheScreen();
    expect(screen.getByText('Choose at least one day.')).toBeOnTheScreen();
    expect(api.callsOf('UpdateHelperProfile')).toHaveLength(0);
  });

  it('shows the API’s message for a postcode outside Kith’s areas', async () => {
    await render({
      UpdateHelperProfile: () =>
        gqlError('BAD_USER_INPUT', 'The helper profile was not saved', [
          { path: 'basePostcode', message: 'Kith does not run at this postcode yet.' },
        ]),
    });
    await screen.findByRole('checkbox', { name: 'Shopping' });
    fillIn();
    fireEvent.press(screen.getByRole('button', { name: 'Offer my time' }));
    expect(await screen.findByText('Kith does not run at this postcode yet.')).toBeOnTheScreen();
    expect(screen.getByText('Please look at the answers marked above.')).toBeOnTheScreen();
  });

  it('says when Kith cannot be reached', async () => {
    await render({ UpdateHelperProfile: () => 'network-error' });
    await screen.findByRole('checkbox', { name: 'Shopping' });
    fillIn();
    fireEvent.press(screen.getByRole('button', { name: 'Offer my time' }));
    expect(await screen.findByText(/Check that you are online/)).toBeOnTheScreen();
  });

  it('shows loading, error and offline states', async () => {
    const loading = await render({ OfferTime: () => new Promise<FakeAnswer>(() => undefined) });
    expect(screen.getByLabelText('Getting what helpers can do')).toBeOnTheScreen();
    loading.unmount();
    const failing = await render({ OfferTime: () => gqlError('INTERNAL_SERVER_ERROR') });
    expect(await screen.findByText('Sorry, that did not work')).toBeOnTheScreen();
    failing.unmount();
    onlineManager.setOnline(false);
    await render();
    expect(screen.getByText('You are offline')).toBeOnTheScreen();
  });
});
