/** Names shared by the listeners, the Home tab and the app manifest. */
export const SLASH_COMMAND_NAME = '/activation';
export const DIAGNOSE_SHORTCUT_ID = 'diagnose_message';
/** As manifest/slack/manifest.yml installs it: the Home tab and the privacy page name it so. */
export const DIAGNOSE_SHORTCUT_NAME = 'Diagnose with activation-doctor';
