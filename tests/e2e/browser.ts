/**
 * Starts Debian's Chromium headless through playwright-core with the flags
 * this environment needs (no sandbox as root, no background networking).
 * playwright-core gives every launch a fresh temporary --user-data-dir itself
 * (it refuses the flag as an argument). Shared by the end-to-end tests and scripts/screenshot.ts.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
