import { router } from 'expo-router';

import { OfferScreen } from '../../src/screens/helping/offer-screen';
import { RouteFrame } from '../../src/screens/more/route-header';

export default function OfferRoute() {
  return (
    <RouteFrame route="offer">
      <OfferScreen
        onDone={() => (router.canGoBack() ? router.back() : router.replace('/helping'))}
      />
    </RouteFrame>
  );
}
