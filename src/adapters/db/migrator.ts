import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseConnection, DialectFeatures } from './dialect-features.js';
import * as initial from './migrations/0001-initial.js';
import * as jobOutbox from './migrations/0002-job-outbox.js';
import * as mediaDetails from './migrations/0003-media-details.js';
import * as albums from './migrations/0004-albums.js';
import * as albumSharing from './migrations/0005-album-sharing.js';
import * as sharedLinks from './migrations/0006-shared-links.js';
import * as family from './migrations/0007-family.js';
import * as metadataEdits from './migrations/0008-metadata-edits.js';
import * as memories from './migrations/0009-memories.js';
import * as accountSecurity from './migrations/0010-account-security.js';
import * as timelineStatus from './migrations/0011-timeline-status.js';
import * as sharedLinkKeys from './migrations/0012-shared-link-keys.js';
import * as assetSteps from './migrations/0013-asset-steps.js';
import * as people from './migrations/0014-people.js';
import * as assetTags from './migrations/0015-asset-tags.js';
import * as assetTexts from './migrations/0016-asset-texts.js';
import * as duplicates from './migrations/0017-duplicates.js';
import * as clipEmbeddings from './migrations/0018-clip-embeddings.js';

type DialectMigration = {
  up(db: Parameters<Migration['up']>[0], dialect: DialectFeatures): Promise<void>;
};

// In order; a name, once released, never changes.
const MIGRATIONS: Record<string, DialectMigration> = {
  '0001-initial': initial,
  '0002-job-outbox': jobOutbox,
  '0003-media-details': mediaDetails,
  '0004-albums': albums,
  '0005-album-sharing': albumSharing,
  '0006-shared-links': sharedLinks,
  '0007-family': family,
  '0008-metadata-edits': metadataEdits,
  '0009-memories': memories,
  '0010-account-security': accountSecurity,
  '0011-timeline-status': timelineStatus,
  '0012-shared-link-keys': sharedLinkKeys,
  '0013-asset-steps': assetSteps,
  '0014-people': people,
  '0015-asset-tags': assetTags,
  '0016-asset-texts': assetTexts,
  '0017-duplicates': duplicates,
  '0018-clip-embeddings': clipEmbeddings,
};

class DialectMigrationProvider implements MigrationProvider {
  constructor(private readonly features: DialectFeatures) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(MIGRATIONS).map(([name, m]) => [
        name,
        { up: (db) => m.up(db, this.features) },
      ]),
    );
  }
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest({ db, features }: DatabaseConnection): Promise<void> {
  const migrator = new Migrator({ db, provider: new DialectMigrationProvider(features) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed: ${String(error)}`, { cause: error });
  }
}
