import type { GuestView } from './shared-links-api';

/*
 * The public page's requests, as a guest: plain fetch without the app's session handling (a 401
 * here asks for the link's password; it does not mean a session ended).
 */

export type GuestAnswer =
  | { kind: 'shown'; view: GuestView }
  | { kind: 'password'; wrong: boolean }
  | { kind: 'gone' }
  | { kind: 'failed'; message: string };

const base = (key: string) => `/api/shared-links/${encodeURIComponent(key)}/assets`;

export async function fetchGuestView(key: string, password?: string): Promise<GuestAnswer> {
  let response: Response;
  try {
    response = await fetch(base(key), {
      headers: password ? { 'x-share-password': password } : {},
      credentials: 'omit',
    });
  } catch {
    return { kind: 'failed', message: 'The server cannot be reached. Try again.' };
  }
  if (response.ok) return { kind: 'shown', view: (await response.json()) as GuestView };
  if (response.status === 404) return { kind: 'gone' };
  const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
  if (response.status === 401) return { kind: 'password', wrong: body.code === 'PASSWORD_WRONG' };
  return { kind: 'failed', message: body.message ?? `The server answered ${response.status}.` };
}

/**
 * An asset URL under the link; the token opens it when the link has a password (the server adds
 * it to the names in an HLS playlist, `hls`, too).
 */
export function guestAssetUrl(
  key: string,
  token: string | null,
  assetId: string,
  what: 'thumbnail' | 'preview' | 'original' | 'video' | 'hls',
  version?: string | null,
): string {
  const query = new URLSearchParams();
  if (what === 'thumbnail' || what === 'preview') query.set('size', what);
  if (version) query.set('v', version);
  if (token) query.set('token', token);
  const path = what === 'preview' ? 'thumbnail' : what === 'hls' ? 'hls/index.m3u8' : what;
  return `${base(key)}/${assetId}/${path}?${query.toString()}`;
}

export async function uploadAsGuest(key: string, token: string | null, file: File): Promise<void> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(`${base(key)}${token ? `?token=${token}` : ''}`, {
    method: 'POST',
    body: form,
    credentials: 'omit',
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    throw new Error(body.message ?? `The server answered ${response.status}.`);
  }
}
