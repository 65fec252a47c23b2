import { onlineManager } from '@tanstack/react-query';

jest.mock('@react-native-async-storage/async-storage', () =>
  jest.requireActual<object>('@react-native-async-storage/async-storage/jest/async-storage-mock'),
);

// Before, not after: RNTL unmounts after each test, and a screen still mounted would re-render.
beforeEach(() => {
  onlineManager.setOnline(true);
});

jest.mock(
  'react-native-safe-area-context',
  () => jest.requireActual<{ default: object }>('react-native-safe-area-context/jest/mock').default,
);
