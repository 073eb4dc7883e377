/**
 * A connection URL fit for messages and logs: its password replaced by `***`. A string that is no
 * URL is not echoed at all, since it may be a bare secret pasted in the wrong place.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(not a URL)";
  }
}

/** The URL's password, for scrubbing text that might echo it (a driver's error message). */
export function urlPassword(url: string): string | undefined {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password.length > 0 ? password : undefined;
  } catch {
    return undefined;
  }
}

/** Text with every copy of the URL's password (raw and percent-encoded) replaced by `***`. */
export function scrubPassword(text: string, url: string): string {
  const password = urlPassword(url);
  if (!password) return text;
  return [password, encodeURIComponent(password)].reduce((out, secret) => out.split(secret).join("***"), text);
}
