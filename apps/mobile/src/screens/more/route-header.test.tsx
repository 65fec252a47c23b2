import { screen } from '@testing-library/react-native';
import { Text } from 'react-native';

import { renderScreen } from '../../test/render';
import { RouteFrame } from './route-header';

jest.mock('expo-router', () => {
  const { Text: MockText } = jest.requireActual<{ Text: typeof Text }>('react-native');
  return {
    Redirect: ({ href }: { href: string }) => <MockText>{`redirect ${href}`}</MockText>,
    Stack: {
      Screen: ({ options }: { options: { title: string } }) => (
        <MockText>{`header ${options.title}`}</MockText>
      ),
    },
  };
});

describe('RouteFrame', () => {
  it('shows the screen with its header to a signed-in member', async () => {
    await renderScreen(
      <RouteFrame route="help">
        <Text>the screen</Text>
      </RouteFrame>,
    );
    expect(screen.getByText('header Help')).toBeOnTheScreen();
    expect(screen.getByText('the screen')).toBeOnTheScreen();
  });

  it('sends someone signed out to sign in, showing nothing of the screen', async () => {
    await renderScreen(
      <RouteFrame route="people">
        <Text>the screen</Text>
      </RouteFrame>,
      { tokens: null },
    );
    expect(await screen.findByText('redirect /sign-in')).toBeOnTheScreen();
    expect(screen.queryByText('the screen')).toBeNull();
  });
});
