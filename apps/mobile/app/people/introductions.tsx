import { RouteFrame } from '../../src/screens/more/route-header';
import { IntroductionsScreen } from '../../src/screens/people/introductions-screen';

export default function Route() {
  return (
    <RouteFrame route="introductions">
      <IntroductionsScreen />
    </RouteFrame>
  );
}
