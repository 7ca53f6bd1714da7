import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

/**
 * The typed API client, generated from docs/openapi.json (`npm run openapi` writes schema.d.ts;
 * a test fails when it drifts). Requests carry the session cookie the sign-in set.
 */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

export type Asset = components['schemas']['Asset'];
export type User = components['schemas']['User'];

type Listener = () => void;
const expiredListeners = new Set<Listener>();

/** Called when a request answers 401: the session ended (signed out elsewhere, expired). */
export function onSessionExpired(listener: Listener): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

const sessionWatch: Middleware = {
  onResponse({ request, response }) {
    const isSignIn = new URL(request.url).pathname.startsWith('/api/auth/');
    if (response.status === 401 && !isSignIn) for (const listener of expiredListeners) listener();
    return response;
  },
};
api.use(sessionWatch);

/** An error a person can read, from the API's `{message}` body or the status. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Unwraps an openapi-fetch answer: the data, or an ApiError with the server's message. */
export async function ok<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result;
  try {
    result = await call;
  } catch {
    throw new ApiError('The server cannot be reached. Check your connection and try again.', 0);
  }
  if (result.error !== undefined || !result.response.ok) {
    const body = result.error as { message?: string } | undefined;
    throw new ApiError(
      body?.message ?? `The server answered ${result.response.status}.`,
      result.response.status,
    );
  }
  return result.data as T;
}

/** URL of an asset's rendition; with the version, the browser may cache it for good. */
export const thumbnailUrl = (
  id: string,
  version: string | null | undefined,
  size: 'thumbnail' | 'preview' = 'thumbnail',
) => `/api/assets/${id}/thumbnail?size=${size}${version ? `&v=${version}` : ''}`;

export const originalUrl = (id: string) => `/api/assets/${id}/original`;
