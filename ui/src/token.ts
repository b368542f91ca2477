/** The write token, kept in sessionStorage: it lasts for this tab's session and is not written to disk for long. */
const KEY = 'marsad.token';

export function readToken(): string | null {
  try {
    return sessionStorage.getItem(KEY) || null;
  } catch {
    return null;
  }
}

export function saveToken(token: string): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage disabled: the token is simply not kept
  }
}
