/**
 * A URL fit for messages and manifests: no credentials, no query string and no
 * fragment, since access tokens are often passed there.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    return parsed.toString();
  } catch {
    return url;
  }
}
