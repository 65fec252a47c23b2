import { SettingsScreen } from '../src/screens/settings/settings-screen';

export default SettingsScreen;
