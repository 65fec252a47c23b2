import { router } from 'expo-router';

import { OfferScreen } from '../../src/screens/helping/offer-screen';

export default function OfferRoute() {
  return (
    <OfferScreen onDone={() => (router.canGoBack() ? router.back() : router.replace('/helping'))} />
  );
}
