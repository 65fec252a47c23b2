import { onlineManager } from '@tanstack/react-query';
import { fireEvent, screen } from '@testing-library/react-native';

import { gqlError, type FakeAnswer, type FakeHandler } from '../../test/fake-api';
import { SURVEY } from '../../test/fixtures-people';
import { renderScreen } from '../../test/render';
import { SurveysScreen } from './surveys-screen';

const DUE = {
  data: {
    pendingSurveys: [
      SURVEY,
      {
        ...SURVEY,
        stage: 'REVIEW',
        instrument: { ...SURVEY.instrument, id: 'rg', title: 'Who you can ask' },
      },
    ],
  },
};

function render(handlers: Record<string, FakeHandler> = {}) {
  const onStart = jest.fn();
  return renderScreen(<SurveysScreen onStart={onStart} />, {
    handlers: { PendingSurveys: () => DUE, ...handlers },
  }).then((r) => ({ ...r, onStart }));
}

describe('SurveysScreen', () => {
  it('lists the surveys due, and starts one', async () => {
    const { onStart } = await render();
    expect(await screen.findByText('How connected you feel')).toBeOnTheScreen();
    expect(screen.getByText('To start with')).toBeOnTheScreen();
    expect(screen.getByText('To see how things are going')).toBeOnTheScreen();
    expect(screen.getAllByText('2 questions')).toHaveLength(2);
    expect(screen.getByText(/there is no clock/)).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Start: Who you can ask' }));
    expect(onStart).toHaveBeenCalledWith('rg');
  });

  it('thanks the member when nothing is due', async () => {
    await render({ PendingSurveys: () => ({ data: { pendingSurveys: [] } }) });
    expect(await screen.findByText('No questions for you right now')).toBeOnTheScreen();
  });

  it('shows loading, error and offline states', async () => {
    const loading = await render({
      PendingSurveys: () => new Promise<FakeAnswer>(() => undefined),
    });
    expect(screen.getByLabelText('Getting your questions')).toBeOnTheScreen();
    loading.unmount();
    const failing = await render({ PendingSurveys: () => gqlError('INTERNAL_SERVER_ERROR') });
    expect(await screen.findByText('Sorry, that did not work')).toBeOnTheScreen();
    failing.unmount();
    onlineManager.setOnline(false);
    await render();
    expect(screen.getByText('You are offline')).toBeOnTheScreen();
  });
});
