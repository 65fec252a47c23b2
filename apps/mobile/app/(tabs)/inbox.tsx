import { InboxScreen } from '../../src/screens/inbox/inbox-screen';

export default InboxScreen;
