import { RouteFrame } from '../../src/screens/more/route-header';
import { SuggestedScreen } from '../../src/screens/people/suggested-screen';

export default function Route() {
  return (
    <RouteFrame route="suggested">
      <SuggestedScreen />
    </RouteFrame>
  );
}
