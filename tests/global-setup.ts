/**
 * Runs once before the test workers start. The run id lets the workers share
 * one site build per dataset within this run (see tests/site/build-site.ts).
 */
export default function setup(): void {
  process.env.TOOLRISK_TEST_RUN ??= String(Date.now());
}
