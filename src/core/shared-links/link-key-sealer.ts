import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/*
 * [Note: Shared link keys can be copied again]
 * People lose links and expect to copy them again, so a link's key is kept, but never readable
 * from the database alone: the row holds the key's SHA-256 (how a guest's key finds the link)
 * and the key sealed with AES-256-GCM under a server secret that lives outside the database
 * (KEEPSAKE_SECRET, else `<dataDir>/secrets/link-key.bin`, made with mode 600 when first needed).
 * A stolen database dump or backup therefore opens no link; whoever also has the secret could,
 * as could whoever controls the server. The link's id is the associated data, so a sealed key
 * copied onto another row does not open. A link made before keys were kept, or sealed under a
 * different secret (another installation, a changed KEEPSAKE_SECRET), has no key to show: the
 * owner can still revoke it and make a new one.
 */
const VERSION = 'v1';

/**
 * Seals and opens shared link keys with the server's 32-byte secret, loaded on first use: a
 * worker process never needs it, and so never makes or reads a file for it.
 */
export class LinkKeySealer {
  private secret: Promise<Buffer> | undefined;

  constructor(private readonly loadSecret: () => Promise<Buffer>) {}

  private async key(): Promise<Buffer> {
    this.secret ??= this.loadSecret().then((secret) => {
      if (secret.length !== 32) throw new Error('the shared link secret must be 32 bytes');
      return secret;
    });
    // A failed load is tried again next time rather than remembered.
    return this.secret.catch((error: unknown) => {
      this.secret = undefined;
      throw error;
    });
  }

  async seal(linkId: string, key: string): Promise<string> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', await this.key(), iv);
    cipher.setAAD(Buffer.from(linkId));
    const sealed = Buffer.concat([cipher.update(key, 'utf8'), cipher.final()]);
    return [VERSION, iv, sealed, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** The key, or nothing when it was sealed under another secret, for another link, or garbled. */
  async open(linkId: string, sealed: string): Promise<string | undefined> {
    const [version, iv, data, tag] = sealed.split('.');
    if (version !== VERSION || !iv || !data || !tag) return undefined;
    const secret = await this.key();
    try {
      // A whole 16-byte tag: GCM would otherwise accept a tag cut down to 4 bytes.
      const decipher = createDecipheriv('aes-256-gcm', secret, Buffer.from(iv, 'base64url'), {
        authTagLength: 16,
      });
      decipher.setAAD(Buffer.from(linkId));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(data, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
