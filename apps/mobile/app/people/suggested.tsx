import { SuggestedScreen } from '../../src/screens/people/suggested-screen';

export default SuggestedScreen;
