import { screen } from '@testing-library/react-native';
import { Text } from 'react-native';

import { renderScreen } from '../../test/render';
import { RouteFrame } from './route-header';

jest.mock('expo-router', () => {
  const { Text: MockText } = jest.requireActual<{ Text: typeof Text }>('react-native');
  return {
    Stack: {
      Screen: ({ options }: { options: { title: string } }) => (
        <MockText>{`header ${options.title}`}</MockText>
      ),
    },
  };
});

describe('RouteFrame', () => {
  it('shows the screen with its header', async () => {
    await renderScreen(
      <RouteFrame route="help">
        <Text>the screen</Text>
      </RouteFrame>,
    );
    expect(screen.getByText('header Help')).toBeOnTheScreen();
    expect(screen.getByText('the screen')).toBeOnTheScreen();
  });
});
