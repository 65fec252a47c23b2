import { RouteHeader } from '../../src/screens/more/route-header';
import { IntroductionsScreen } from '../../src/screens/people/introductions-screen';

export default function Route() {
  return (
    <>
      <RouteHeader route="introductions" />
      <IntroductionsScreen />
    </>
  );
}
