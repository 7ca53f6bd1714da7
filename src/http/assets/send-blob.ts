import type { FastifyReply, FastifyRequest } from 'fastify';
import parseRange from 'range-parser';
import type { BlobDownload } from '../../core/assets/assets-service.js';
import { isPassiveMediaType } from '../../core/media/passive-media-types.js';

/** For bytes asked for under their current version: they never change, so a browser keeps them. */
export const IMMUTABLE = 'private, max-age=31536000, immutable';

export interface SendBlobOptions {
  etag: string;
  contentType: string;
  cacheControl: string;
  disposition?: string;
  /**
   * Answer with a 302 to a URL of the object store valid this long, rather than streaming the
   * bytes (KEEPSAKE_MEDIA_DELIVERY=presigned). Ignored where the store cannot sign URLs.
   */
  redirectSeconds?: number;
}

/**
 * What every response carrying stored bytes (originals, renditions, videos, sidecars) sends: the
 * browser must not guess a type, and a document it would render anyway runs nothing and loads
 * nothing. See: [Note: Serving uploaded bytes] in core/media/passive-media-types.ts.
 */
export function markAsUploadedBytes(reply: FastifyReply): FastifyReply {
  return reply
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', "sandbox; default-src 'none'");
}

/**
 * The type and disposition stored bytes are served with: a type outside the passive list is sent
 * as a download of opaque bytes, whatever the row says. HLS playlists are ours, not uploaded.
 */
export function servedAs(
  options: SendBlobOptions,
  fileName = 'download',
): Pick<SendBlobOptions, 'contentType' | 'disposition'> {
  if (isPassiveMediaType(options.contentType) || options.contentType === HLS_PLAYLIST)
    return { contentType: options.contentType, disposition: options.disposition };
  return {
    contentType: 'application/octet-stream',
    disposition: contentDisposition('attachment', fileName),
  };
}

const HLS_PLAYLIST = 'application/vnd.apple.mpegurl';

/** Answers a blob with ETag revalidation and single byte-range requests (RFC 9110). */
export async function sendBlob(
  request: FastifyRequest,
  reply: FastifyReply,
  blob: BlobDownload,
  requested: SendBlobOptions,
) {
  const options = { ...requested, ...servedAs(requested, blob.asset.originalFileName) };
  markAsUploadedBytes(reply);
  if (options.redirectSeconds && blob.directUrl) return redirect(reply, blob, options);
  void reply
    .header('ETag', options.etag)
    .header('Cache-Control', options.cacheControl)
    .header('Accept-Ranges', 'bytes');
  if (options.disposition) void reply.header('Content-Disposition', options.disposition);
  if (etagMatches(request.headers['if-none-match'], options.etag)) return reply.status(304).send();

  const rangeHeader = request.headers.range;
  const ifRange = request.headers['if-range'];
  if (rangeHeader && (!ifRange || ifRange === options.etag)) {
    const ranges = parseRange(blob.size, rangeHeader, { combine: true });
    if (ranges === -1) {
      return reply.status(416).header('Content-Range', `bytes */${blob.size}`).send({
        statusCode: 416,
        code: 'INVALID_RANGE',
        message: 'The requested range is outside the file.',
      });
    }
    // A malformed header is ignored (-2), and several ranges are answered with the whole file.
    if (ranges !== -2 && ranges.type === 'bytes' && ranges.length === 1) {
      const { start, end } = ranges[0]!;
      return reply
        .status(206)
        .header('Content-Type', options.contentType)
        .header('Content-Range', `bytes ${start}-${end}/${blob.size}`)
        .header('Content-Length', end - start + 1)
        .send(await blob.open({ start, end }));
    }
  }
  return reply
    .header('Content-Type', options.contentType)
    .header('Content-Length', blob.size)
    .send(await blob.open());
}

/**
 * The redirect carries no ETag: a cached 302 revalidated to 304 would send the client to a URL
 * that has since expired. Content that never changes may reuse the redirect for half the URL's life.
 */
async function redirect(reply: FastifyReply, blob: BlobDownload, options: SendBlobOptions) {
  const seconds = options.redirectSeconds!;
  const url = await blob.directUrl!(seconds, {
    contentType: options.contentType,
    contentDisposition: options.disposition,
  });
  const reusable = options.cacheControl.includes('immutable');
  return reply
    .status(302)
    .header('Location', url)
    .header('Cache-Control', reusable ? `private, max-age=${Math.floor(seconds / 2)}` : 'no-store')
    .send();
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value === etag || value === `W/${etag}`;
  });
}

/** `inline; filename="..."; filename*=UTF-8''...` so any name survives the header. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
