import AsyncStorage from '@react-native-async-storage/async-storage';
import { onlineManager } from '@tanstack/react-query';
import { fireEvent, screen, waitFor } from '@testing-library/react-native';

import { gqlError, type FakeAnswer, type FakeHandler } from '../../test/fake-api';
import { GOALS, INTERESTS, myProfile, savedProfile } from '../../test/fixtures-profile';
import { renderScreen } from '../../test/render';
import { expectWebChecked } from '../../test/web-checked';
import { ProfileSettingScreen, type StepNav } from './profile-setting-screen';
import { isProfileSetting, nextSetting, type ProfileSetting } from './steps';

function navs(progress?: StepNav['progress']) {
  return { progress, onDone: jest.fn(), onLeave: jest.fn() };
}

async function open(
  setting: ProfileSetting,
  {
    nav = navs(),
    profile = myProfile(),
    handlers = {},
  }: {
    nav?: ReturnType<typeof navs>;
    profile?: FakeAnswer;
    handlers?: Record<string, FakeHandler>;
  } = {},
) {
  const rendered = await renderScreen(<ProfileSettingScreen setting={setting} nav={nav} />, {
    handlers: {
      MyProfile: () => profile,
      UpdateMemberProfile: () => savedProfile(),
      InterestCatalogue: () => INTERESTS,
      GoalCatalogue: () => GOALS,
      ...handlers,
    },
  });
  return { ...rendered, nav };
}

function sent(api: Awaited<ReturnType<typeof open>>['api']) {
  return api.callsOf('UpdateMemberProfile').map((c) => c.variables.input);
}

describe('ProfileSettingScreen', () => {
  beforeEach(() => AsyncStorage.clear());

  it('knows its settings and their order', () => {
    expect(isProfileSetting('distance')).toBe(true);
    expect(isProfileSetting('toString')).toBe(false);
    expect(isProfileSetting(undefined)).toBe(false);
    expect(nextSetting('name')).toBe('home');
    expect(nextSetting('distance')).toBeUndefined();
  });

  describe('first name', () => {
    it('shows the name kept, saves the one typed and goes on', async () => {
      const { api, nav } = await open('name');
      const field = await screen.findByLabelText('Your first name');
      expect(field).toHaveDisplayValue('Ada');
      fireEvent.changeText(field, '  Ada May ');
      fireEvent.press(screen.getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(nav.onDone).toHaveBeenCalled());
      expect(sent(api)).toEqual([{ displayName: 'Ada May' }]);
    });

    it('asks for a name before sending an empty one', async () => {
      const { api, nav } = await open('name');
      fireEvent.changeText(await screen.findByLabelText('Your first name'), '  ');
      fireEvent.press(screen.getByRole('button', { name: 'Save' }));
      expect(screen.getByText('Type your first name, or skip this step.')).toBeOnTheScreen();
      expect(sent(api)).toEqual([]);
      expect(nav.onDone).not.toHaveBeenCalled();
    });

    it("shows the API's message for the name", async () => {
      await open('name', {
        handlers: {
          UpdateMemberProfile: () =>
            gqlError('BAD_USER_INPUT', 'The profile was not saved', [
              { path: 'input.displayName', message: 'Use at most 60 characters.' },
            ]),
        },
      });
      fireEvent.press(await screen.findByRole('button', { name: 'Save' }));
      expect(await screen.findByText('Use at most 60 characters.')).toBeOnTheScreen();
    });
  });

  describe('home by postcode', () => {
    it('saves the postcode typed, never coordinates, and goes on', async () => {
      const { api, nav } = await open('home');
      fireEvent.changeText(await screen.findByLabelText('Your postcode'), ' se1 7pb ');
      fireEvent.press(screen.getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(nav.onDone).toHaveBeenCalled());
      expect(sent(api)).toEqual([{ postcode: 'se1 7pb' }]);
    });

    it('says where home is set now, and that it is never shown', async () => {
      await open('home', {
        profile: myProfile({
          hasHome: true,
          postcode: 'SE1 7PB',
          area: { id: 'w1', name: 'Cathedrals' },
        }),
      });
      expect(
        await screen.findByText(
          'Your home is set at SE1 7PB, in Cathedrals. To change it, type a new postcode.',
        ),
      ).toBeOnTheScreen();
      expect(screen.getByText(/We never show it/)).toBeOnTheScreen();
    });

    it.each([
      ['a malformed postcode', 'This is not a UK postcode. A postcode looks like SE1 7PB.'],
      ['an unknown postcode', 'We cannot find this postcode. Check it, or ask your coordinator.'],
      ['a postcode outside every area', 'Kith does not run near EH1 1YZ yet.'],
    ])(
      'with %s: shows the API message, says nothing was saved, and stays',
      async (_case, message) => {
        const { nav } = await open('home', {
          handlers: {
            UpdateMemberProfile: () =>
              gqlError('BAD_USER_INPUT', 'The profile was not saved', [
                { path: 'input.postcode', message },
              ]),
          },
        });
        fireEvent.changeText(await screen.findByLabelText('Your postcode'), 'EH1 1YZ');
        fireEvent.press(screen.getByRole('button', { name: 'Save' }));
        expect(
          await screen.findByText(
            new RegExp(`^${message.replace(/\./g, '\\.')} Nothing was saved`),
          ),
        ).toBeOnTheScreen();
        expect(screen.getByText(/try another one, or skip this/)).toBeOnTheScreen();
        expect(nav.onDone).not.toHaveBeenCalled();
        // The field keeps what was typed, to correct it or try another.
        expect(screen.getByLabelText('Your postcode')).toHaveDisplayValue('EH1 1YZ');
      },
    );

    it('in onboarding: shows the step, and can be skipped after a refused postcode', async () => {
      const nav = navs({ step: 2, of: 7 });
      await open('home', {
        nav,
        handlers: {
          UpdateMemberProfile: () =>
            gqlError('BAD_USER_INPUT', 'x', [
              { path: 'input.postcode', message: 'Kith does not run near EH1 1YZ yet.' },
            ]),
        },
      });
      expect(screen.getByText('Step 2 of 7')).toBeOnTheScreen();
      fireEvent.changeText(await screen.findByLabelText('Your postcode'), 'EH1 1YZ');
      fireEvent.press(screen.getByRole('button', { name: 'Save and go on' }));
      expect(await screen.findByText(/Kith does not run near EH1 1YZ yet/)).toBeOnTheScreen();
      fireEvent.press(screen.getByRole('button', { name: 'Skip this for now' }));
      expect(nav.onLeave).toHaveBeenCalled();
      expect(nav.onDone).not.toHaveBeenCalled();
    });

    it('says to try tomorrow after too many moves in a day', async () => {
      await open('home', {
        handlers: {
          UpdateMemberProfile: () =>
            gqlError('RATE_LIMITED', 'Your home can be moved at most 5 times a day'),
        },
      });
      fireEvent.changeText(await screen.findByLabelText('Your postcode'), 'SE1 7PB');
      fireEvent.press(screen.getByRole('button', { name: 'Save' }));
      expect(await screen.findByText(/Please try again tomorrow/)).toBeOnTheScreen();
    });

    it('asks for a postcode before sending an empty one', async () => {
      const { api } = await open('home');
      fireEvent.press(await screen.findByRole('button', { name: 'Save' }));
      expect(screen.getByText('Type your postcode, or skip this step.')).toBeOnTheScreen();
      expect(sent(api)).toEqual([]);
    });

    it('says to check the connection when Kith cannot be reached', async () => {
      const { nav } = await open('home', {
        handlers: { UpdateMemberProfile: () => 'network-error' },
      });
      fireEvent.changeText(await screen.findByLabelText('Your postcode'), 'SE1 7PB');
      fireEvent.press(screen.getByRole('button', { name: 'Save' }));
      expect(await screen.findByText(/Check that you are online/)).toBeOnTheScreen();
      expect(nav.onDone).not.toHaveBeenCalled();
    });
  });

  describe('interests', () => {
    it('lists the catalogue by group, with those chosen ticked, and saves the choice', async () => {
      const { api, nav } = await open('interests', {
        profile: myProfile({ interests: [{ id: 'i2' }] }),
      });
      expect(await screen.findByRole('header', { name: 'Outdoors' })).toBeOnTheScreen();
      expect(screen.getByRole('header', { name: 'Crafts' })).toBeOnTheScreen();
      expect(screen.getByRole('checkbox', { name: 'Walking' })).toBeChecked();
      fireEvent.press(screen.getByRole('checkbox', { name: 'Knitting' }));
      fireEvent.press(screen.getByRole('checkbox', { name: 'Walking' }));
      expect(screen.getByRole('checkbox', { name: 'Knitting' })).toBeChecked();
      expect(screen.getByRole('checkbox', { name: 'Walking' })).not.toBeChecked();
      expectWebChecked({ Knitting: true, Walking: false });
      fireEvent.press(screen.getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(nav.onDone).toHaveBeenCalled());
      expect(sent(api)).toEqual([{ interestIds: ['i3'] }]);
    });

    it('asks for at least one', async () => {
      const { api } = await open('interests');
      fireEvent.press(await screen.findByRole('button', { name: 'Save' }));
      expect(screen.getByText(/Choose at least one thing you enjoy/)).toBeOnTheScreen();
      expect(sent(api)).toEqual([]);
    });

    it('says when the list cannot be fetched, and tries again', async () => {
      let answer: FakeAnswer = gqlError('INTERNAL_SERVER_ERROR');
      await open('interests', { handlers: { InterestCatalogue: () => answer } });
      expect(await screen.findByText(/try again in a few minutes/)).toBeOnTheScreen();
      answer = INTERESTS;
      fireEvent.press(screen.getByRole('button', { name: 'Try again' }));
      expect(await screen.findByRole('checkbox', { name: 'Gardening' })).toBeOnTheScreen();
    });
  });

  describe('free times', () => {
    it('saves simple choices as weekly windows, keeping windows set some other way', async () => {
      const other = { weekday: 'MON', start: '13:30', end: '14:30' };
      const { api } = await open('times', {
        profile: myProfile({
          availability: [
            other,
            ...['SAT', 'SUN'].map((weekday) => ({ weekday, start: '17:00', end: '21:00' })),
          ],
        }),
      });
      expect(await screen.findByRole('checkbox', { name: /Weekend evenings/ })).toBeChecked();
      fireEvent.press(screen.getByRole('checkbox', { name: /Weekend evenings/ }));
      fireEvent.press(screen.getByRole('checkbox', { name: /Weekday mornings/ }));
      fireEvent.press(screen.getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(sent(api)).toHaveLength(1));
      expect(sent(api)[0]).toEqual({
        availability: [
          other,
          ...['MON', 'TUE', 'WED', 'THU', 'FRI'].map((weekday) => ({
            weekday,
            start: '09:00',
            end: '12:00',
          })),
        ],
      });
    });
  });

  describe('access needs', () => {
    it('names each need in plain words and saves those chosen', async () => {
      const { api } = await open('access', {
        profile: myProfile({ accessibilityNeeds: ['HEARING_LOOP'] }),
      });
      expect(await screen.findByRole('checkbox', { name: 'A hearing loop' })).toBeChecked();
      fireEvent.press(screen.getByRole('checkbox', { name: 'No steps (a ramp or a lift)' }));
      fireEvent.press(screen.getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(sent(api)).toHaveLength(1));
      expect(sent(api)[0]).toEqual({ accessibilityNeeds: ['HEARING_LOOP', 'STEP_FREE'] });
    });
  });

  describe('goals', () => {
    it('lists the goals and saves those chosen by their slugs', async () => {
      const { api } = await open('goals');
      fireEvent.press(await screen.findByRole('checkbox', { name: 'Meet new people' }));
      fireEvent.press(screen.getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(sent(api)).toHaveLength(1));
      expect(sent(api)[0]).toEqual({ goals: ['meet-people'] });
    });
  });

  describe('distance', () => {
    it('offers a few distances as radios and saves the one chosen in metres', async () => {
      const { api } = await open('distance');
      expect(await screen.findByRole('radio', { name: 'Up to 1 km' })).toBeChecked();
      expect(screen.getByRole('radio', { name: 'Up to 500 m' })).toBeOnTheScreen();
      expect(screen.getByRole('radio', { name: 'Up to 5 km' })).toBeOnTheScreen();
      fireEvent.press(screen.getByRole('radio', { name: 'Up to 2 km' }));
      expect(screen.getByRole('radio', { name: 'Up to 1 km' })).not.toBeChecked();
      expectWebChecked({ 'Up to 2 km': true, 'Up to 1 km': false });
      fireEvent.press(screen.getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(sent(api)).toHaveLength(1));
      expect(sent(api)[0]).toEqual({ travelRadiusMetres: 2000 });
    });

    it('keeps a distance set some other way as a choice', async () => {
      await open('distance', { profile: myProfile({ travelRadiusMetres: 1500 }) });
      expect(await screen.findByRole('radio', { name: 'Up to 1.5 km' })).toBeChecked();
    });
  });

  describe('states', () => {
    it('shows that it is loading', async () => {
      await open('name', {
        profile: undefined,
        handlers: { MyProfile: () => new Promise<FakeAnswer>(() => undefined) },
      });
      expect(screen.getByLabelText('Getting your details')).toBeOnTheScreen();
    });

    it('says it is offline when nothing is kept', async () => {
      onlineManager.setOnline(false);
      const { api } = await open('home');
      expect(screen.getByText('You are offline')).toBeOnTheScreen();
      expect(api.calls).toHaveLength(0);
    });

    it('says what went wrong, and tries again', async () => {
      let answer: FakeAnswer = gqlError('INTERNAL_SERVER_ERROR');
      await open('name', { handlers: { MyProfile: () => answer } });
      expect(await screen.findByText('Sorry, that did not work')).toBeOnTheScreen();
      answer = myProfile();
      fireEvent.press(screen.getByRole('button', { name: 'Try again' }));
      expect(await screen.findByLabelText('Your first name')).toBeOnTheScreen();
    });

    it('goes back without saving', async () => {
      const { api, nav } = await open('access');
      fireEvent.press(await screen.findByRole('button', { name: 'Go back' }));
      expect(nav.onLeave).toHaveBeenCalled();
      expect(sent(api)).toEqual([]);
    });
  });

  it('speaks Spanish when the member chose it', async () => {
    await AsyncStorage.setItem('kith.language', 'es');
    await open('distance', { nav: navs({ step: 7, of: 7 }) });
    expect(await screen.findByRole('header', { name: 'Hasta dónde irías' })).toBeOnTheScreen();
    expect(await screen.findByRole('radio', { name: 'Hasta 1 km' })).toBeChecked();
    expect(screen.getByText('Paso 7 de 7')).toBeOnTheScreen();
    expect(screen.getByRole('button', { name: 'Guardar y seguir' })).toBeOnTheScreen();
    expect(screen.getByRole('button', { name: 'Saltar por ahora' })).toBeOnTheScreen();
  });
});
