import { IntroductionsScreen } from '../../src/screens/people/introductions-screen';

export default IntroductionsScreen;
