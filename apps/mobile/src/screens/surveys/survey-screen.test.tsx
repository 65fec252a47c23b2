import { onlineManager } from '@tanstack/react-query';
import { fireEvent, screen } from '@testing-library/react-native';

import { gqlError, type FakeAnswer, type FakeHandler } from '../../test/fake-api';
import { SURVEY } from '../../test/fixtures-people';
import { renderScreen } from '../../test/render';
import { SurveyScreen } from './survey-screen';

const DUE = { data: { pendingSurveys: [SURVEY] } };
const SUBMITTED: FakeAnswer = { data: { submitSurvey: { id: 'resp1', instrumentId: 'ucla-3' } } };

function render(handlers: Record<string, FakeHandler> = {}, instrumentId = 'ucla-3') {
  const onDone = jest.fn();
  return renderScreen(<SurveyScreen instrumentId={instrumentId} onDone={onDone} />, {
    handlers: { PendingSurveys: () => DUE, SubmitSurvey: () => SUBMITTED, ...handlers },
  }).then((r) => ({ ...r, onDone }));
}

describe('SurveyScreen', () => {
  it('asks one question a screen, lets the member go back, and sends every answer', async () => {
    const { api, onDone } = await render();
    expect(await screen.findByText('Question 1 of 2')).toBeOnTheScreen();
    expect(screen.getByText('How often do you feel left out?')).toBeOnTheScreen();
    expect(screen.queryByText('How often do you feel alone?')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();
    fireEvent.press(screen.getByRole('radio', { name: 'Often' }));
    fireEvent.press(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Question 2 of 2')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('radio', { name: 'Often' })).toBeChecked();
    fireEvent.press(screen.getByRole('radio', { name: 'Some of the time' }));
    fireEvent.press(screen.getByRole('button', { name: 'Next' }));
    fireEvent.press(screen.getByRole('radio', { name: 'Hardly ever' }));
    fireEvent.press(screen.getByRole('button', { name: 'Send my answers' }));
    expect(await screen.findByText(/Your answers are saved/)).toBeOnTheScreen();
    expect(api.callsOf('SubmitSurvey')[0]?.variables).toEqual({
      instrumentId: 'ucla-3',
      answers: [
        { itemId: 'q1', value: 2 },
        { itemId: 'q2', value: 1 },
      ],
    });
    fireEvent.press(screen.getByRole('button', { name: 'Done' }));
    expect(onDone).toHaveBeenCalled();
  });

  it('asks for an answer before moving on', async () => {
    await render();
    fireEvent.press(await screen.findByRole('button', { name: 'Next' }));
    expect(screen.getByText('Choose an answer, then press Next.')).toBeOnTheScreen();
    expect(screen.getByText('Question 1 of 2')).toBeOnTheScreen();
  });

  it('says what to do when the answers are not saved, keeping them', async () => {
    await render({ SubmitSurvey: () => gqlError('RATE_LIMITED') });
    fireEvent.press(await screen.findByRole('radio', { name: 'Often' }));
    fireEvent.press(screen.getByRole('button', { name: 'Next' }));
    fireEvent.press(screen.getByRole('radio', { name: 'Often' }));
    fireEvent.press(screen.getByRole('button', { name: 'Send my answers' }));
    expect(await screen.findByText(/Please wait 15 minutes/)).toBeOnTheScreen();
    expect(screen.getByRole('radio', { name: 'Often' })).toBeChecked();
  });

  it('is kind when the survey is no longer due', async () => {
    const { onDone } = await render({}, 'gone');
    expect(await screen.findByText('These questions are not waiting for you')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Done' }));
    expect(onDone).toHaveBeenCalled();
  });

  it('shows loading, error and offline states', async () => {
    const loading = await render({
      PendingSurveys: () => new Promise<FakeAnswer>(() => undefined),
    });
    expect(screen.getByLabelText('Getting the questions')).toBeOnTheScreen();
    loading.unmount();
    const failing = await render({ PendingSurveys: () => gqlError('INTERNAL_SERVER_ERROR') });
    expect(await screen.findByText('Sorry, that did not work')).toBeOnTheScreen();
    failing.unmount();
    onlineManager.setOnline(false);
    await render();
    expect(screen.getByText('You are offline')).toBeOnTheScreen();
  });
});
