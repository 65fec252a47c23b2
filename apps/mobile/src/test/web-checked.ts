import { screen } from '@testing-library/react-native';
import type { ReactTestInstance } from 'react-test-renderer';

interface ChoiceProps {
  accessibilityLabel?: string;
  'aria-checked'?: unknown;
}

/**
 * The aria-checked the control was given. React Native folds it into accessibilityState before
 * the host view, so it is read from the control's own element (the Pressable), up the tree while
 * the elements still carry the same label.
 */
function ariaCheckedOf(host: ReactTestInstance): unknown {
  const label = (host.props as ChoiceProps).accessibilityLabel;
  for (
    let element: ReactTestInstance | null = host;
    element && (element.props as ChoiceProps).accessibilityLabel === label;
    element = element.parent
  ) {
    if ('aria-checked' in element.props) return (element.props as ChoiceProps)['aria-checked'];
  }
  return undefined;
}

/**
 * What the web build tells browsers of every radio and checkbox on the screen, by label:
 * react-native-web reads `aria-checked` and ignores `accessibilityState`, so a choice that sets
 * only the latter reads as unchecked there (undefined here). Testing Library's toBeChecked reads
 * either, so it cannot tell.
 */
export function webCheckedByLabel(): Record<string, unknown> {
  const choices = [...screen.queryAllByRole('radio'), ...screen.queryAllByRole('checkbox')];
  return Object.fromEntries(
    choices.map((choice) => [
      (choice.props as ChoiceProps).accessibilityLabel ?? '',
      ariaCheckedOf(choice),
    ]),
  );
}

/** Every radio and checkbox on the screen tells browsers whether it is checked; `expected` agrees. */
export function expectWebChecked(expected: Record<string, boolean>) {
  const told = webCheckedByLabel();
  const missing = Object.entries(told).filter(([, checked]) => typeof checked !== 'boolean');
  expect(missing).toEqual([]);
  expect(told).toMatchObject(expected);
}
