/** What adapters use from the bot layer: the three renderers, button payload helpers and UI labels. */
export {
  renderAdaptiveCard,
  adaptiveCardAttachment,
  ADAPTIVE_CARD_CONTENT_TYPE,
  NOTE_INPUT_ID,
  type AdaptiveCard,
  type AdaptiveCardOptions,
} from './render/adaptive-card.js';
export { renderBlockKit, type SlackReply } from './render/block-kit.js';
export { renderText, type TextOptions } from './render/text.js';
export { escapeMrkdwn } from './render/escape.js';
export {
  SLACK_LIMITS,
  TEAMS_CARD_BUDGET_BYTES,
  SlackMessageSchema,
  jsonBytes,
  type Block,
} from './render/limits.js';
export {
  parseActionPayload,
  parseSlackAction,
  slackActionId,
  SLACK_ACTION_PREFIX,
  SLACK_OPEN_URL_ACTION_ID,
} from './actions.js';
export { t, actionLabel, type LabelId } from './i18n.js';
