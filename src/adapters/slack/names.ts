/** Names shared by the listeners, the Home tab and the app manifest. */
export const SLASH_COMMAND_NAME = '/activation';
export const DIAGNOSE_SHORTCUT_ID = 'diagnose_message';
export const DIAGNOSE_SHORTCUT_NAME = 'Diagnose activation error';
