import { FindScreen } from '../../src/screens/find/find-screen';

export default FindScreen;
