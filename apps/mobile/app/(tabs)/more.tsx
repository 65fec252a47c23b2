import { MoreScreen } from '../../src/screens/more/more-screen';

export default MoreScreen;
