/**
 * Block Kit limits, each with its source (see ../shared/reference/slack-platform.md §4).
 * DOC = docs.slack.dev page; SDK = Slack's own SDK validators/typings (node @slack/types, python slack_sdk).
 */
export const LIMITS = {
  /** DOC https://docs.slack.dev/reference/block-kit/blocks: "up to 50 blocks in each message". */
  messageBlocks: 50,
  /** DOC same page: "and 100 blocks in modals or Home tabs". */
  viewBlocks: 100,
  /** DOC header/section/actions block pages; python `block_id_max_length = 255`. */
  blockId: 255,
  /** DOC button/overflow/plain-text-input pages; python `action_id_max_length = 255`. */
  actionId: 255,
  /** DOC https://docs.slack.dev/reference/block-kit/blocks/section-block: text 1–3000. */
  sectionText: 3000,
  /** DOC same: "Maximum number of items is 10" fields, "Maximum length for the text in each item is 2000". */
  sectionFields: 10,
  sectionFieldText: 2000,
  /** DOC https://docs.slack.dev/reference/block-kit/blocks/header-block: plain_text, max 150. */
  headerText: 150,
  /** DOC https://docs.slack.dev/reference/block-kit/blocks/context-block: max 10 elements. */
  contextElements: 10,
  /** DOC https://docs.slack.dev/reference/block-kit/blocks/actions-block: max 25 elements. */
  actionsElements: 25,
  /** SDK node composition-objects.ts: text object "minimum length is 1 and maximum length is 3000". */
  textObject: 3000,
  /** DOC https://docs.slack.dev/reference/block-kit/block-elements/button-element: text 75, value 2000, url 3000. */
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  /** SDK node + python: accessibility_label 75. */
  accessibilityLabel: 75,
  /** DOC https://docs.slack.dev/reference/block-kit/composition-objects/option-object: text 75, value 150
   * (node @slack/types says 75: discrepancy, the docs win), description 75. */
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  /** SDK node block-elements.ts, python `options_max_length = 100` (select pages not retrieved). */
  selectOptions: 100,
  optionGroups: 100,
  optionGroupLabel: 75,
  /** DOC https://docs.slack.dev/reference/block-kit/block-elements/overflow-menu-element: "up to five".
   * The minimum is UNVERIFIED (python uses 1, third-party validators 2); 1 is enforced. */
  overflowOptions: 5,
  /** SDK node block-elements.ts: "A maximum of 10 options" for checkboxes and radio buttons. */
  choiceOptions: 10,
  /** SDK python `placeholder_max_length = 150`. */
  placeholder: 150,
  /** DOC https://docs.slack.dev/reference/block-kit/block-elements/plain-text-input-element: max_length ≤ 3000. */
  plainTextInputLength: 3000,
  /** SDK node blocks.ts, python `label_max_length = 2000`: input label and hint. */
  inputLabel: 2000,
  inputHint: 2000,
  /** SDK python blocks.py: image alt_text 2000, title 2000. */
  imageAltText: 2000,
  imageTitle: 2000,
  /** SDK node + python: confirm dialog title 100, text 300, confirm/deny 30. */
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  /** SDK node/python: markdown block 12,000 (DOC for chat.postMessage `markdown_text`). */
  markdownText: 12_000,
  /** DOC https://docs.slack.dev/surfaces/modals: title/submit/close 24, private_metadata 3000, callback_id 255. */
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  externalId: 255,
  /** DOC https://docs.slack.dev/reference/methods/chat.postMessage §Truncating content: truncated above 40,000,
   * "limit the number of characters in the text field to 4,000" (a warning, not an error). */
  messageText: 40_000,
  messageTextAdvised: 4000,
} as const;
