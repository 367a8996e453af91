/**
 * The pages' import path for display-safe text. The functions live in
 * src/lib/text/display.ts, beside the invisible-character table they use, so
 * search records and the scan report (which may not import site/) share them.
 */
export { displayText, oneLine, revealHidden, summaryLine, type DisplayText } from '../text/display.ts';
