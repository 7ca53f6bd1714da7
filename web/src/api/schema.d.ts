export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness (as /api/health/ready) */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 200 when the database, store and queue all answer */
        get: operations["getHealthReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 200 while the process runs */
        get: operations["getHealthLive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the first (admin) account still has to be created */
        get: operations["getAuthSetup"];
        put?: never;
        /** Create the first user, as administrator; refused once any user exists */
        post: operations["postAuthSetup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in; the token is also set as an httpOnly cookie */
        post: operations["postAuthLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: the session stops working at once */
        post: operations["postAuthLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My sessions (signed-in browsers and clients), newest first */
        get: operations["getAuthSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of my sessions (it stops working at once) */
        delete: operations["deleteAuthSessionsById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["getUsersMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change my password
         * @description Needs the current password (400 CURRENT_PASSWORD_WRONG otherwise). Every other session of mine ends; this one stays. My API keys are revoked too unless `revokeApiKeys` is false.
         */
        put: operations["putUsersMePassword"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All users, with their quota and storage used (admin) */
        get: operations["getUsers"];
        put?: never;
        /** Create a user (admin) */
        post: operations["postUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My API keys */
        get: operations["getApiKeys"];
        put?: never;
        /** Create an API key; its secret is shown only in this answer */
        post: operations["postApiKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: operations["deleteApiKeysById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My assets, newest first, filtered (favorites, archive, trash) */
        get: operations["getAssets"];
        put?: never;
        /**
         * Upload one photo or video (multipart/form-data), or an XMP sidecar for one
         * @description The file goes in part `file`; optional fields `fileCreatedAt`, `fileModifiedAt` (ISO 8601), `deviceId`, `deviceAssetId`, before or after it. Answers once the original is durably stored. An XMP sidecar may come with it in part `sidecar` (a bad one refuses both). A `file` named `X.ext.xmp` or `X.xmp` is a sidecar on its own: it is attached to my newest photo named `X.ext` (or `X.*`), answered `200 {status: "sidecar"}` with that photo’s id, or 404 when there is none. For large files use the resumable tus endpoint at /api/uploads.
         */
        post: operations["postAssets"];
        delete?: never;
        options?: never;
        head?: never;
        /**
         * The same change on many of my assets, answered per id
         * @description Takes the fields of PATCH /api/assets/{id}. An id that is not one of mine answers `not-found` in its row; the others are changed.
         */
        patch: operations["patchAssets"];
        trace?: never;
    };
    "/api/assets/{id}/sidecar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Attach an XMP sidecar to one of my assets (multipart/form-data, part `file`)
         * @description Replaces any sidecar the asset had. Its date, GPS position, description, rating and keywords win over the photo’s own once the metadata step has run again (the original is never changed). At most 1 MiB, and it must read as XMP (else 400 INVALID_SIDECAR).
         */
        put: operations["putAssetsByIdSidecar"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/exist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Which of these checksums I already have, so a client can skip those uploads */
        post: operations["postAssetsExist"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One asset: mine, or one shared with me through an album */
        get: operations["getAssetsById"];
        put?: never;
        post?: never;
        /**
         * Move an asset to the trash, or delete one already there for good
         * @description With `permanently=true` the asset, which must be in the trash (409 otherwise), is deleted for good with its files, answering 204.
         */
        delete: operations["deleteAssetsById"];
        options?: never;
        head?: never;
        /**
         * Favorite or archive an asset, or edit its date, place, description or rating
         * @description Edits live in the database (the original is never changed) and outlast the metadata step run again or a later sidecar; the asset moves to its new month, and a new position is named again. GET /api/assets/{id}/sidecar.xmp exports them.
         */
        patch: operations["patchAssetsById"];
        trace?: never;
    };
    "/api/assets/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bring an asset back from the trash */
        post: operations["postAssetsByIdRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trash": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Empty my trash: delete its assets for good */
        delete: operations["deleteTrash"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/{id}/original": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The original file, byte for byte (Range and ETag supported)
         * @description With KEEPSAKE_MEDIA_DELIVERY=presigned, a 302 to a short-lived object-store URL.
         */
        get: operations["getAssetsByIdOriginal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/{id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A rendition: `thumbnail` (WebP, short side ~250 px) or `preview` (JPEG, long side ~1440 px)
         * @description With `v` equal to the asset’s thumbnailVersion the answer may be cached forever. With KEEPSAKE_MEDIA_DELIVERY=presigned, a 302 to a short-lived object-store URL.
         */
        get: operations["getAssetsByIdThumbnail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/{id}/video": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The video as every browser plays it (Range and ETag supported)
         * @description The H.264/AAC MP4 made by the playback step, or the original when it plays as it is. 404 for a photo, and while nothing playable exists yet (see the asset’s `playback`).
         */
        get: operations["getAssetsByIdVideo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/{id}/hls/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The HLS set of a long video: index.m3u8, its variant playlists and segments
         * @description Start at `index.m3u8`; the names in it resolve beside it and carry the set’s version (`v`): asked for with the current version, a file may be cached for good. 404 for a photo, a short video (it has no HLS), or before the playback step made it.
         */
        get: operations["getAssetsByIdHlsByFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/{id}/reprocess": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Process one of my assets again, from the first step
         * @description For an asset whose processing failed once the cause is fixed (ffmpeg installed, say), or to make its metadata, renditions and playable copy again. The asset turns `processing` with its error cleared and ends `ready` or `failed` as an upload does; the original is not touched. 409 ASSET_STILL_PROCESSING while it is processing.
         */
        post: operations["postAssetsByIdReprocess"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/{id}/steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run only some steps of one of my assets again
         * @description Say `{"steps": ["faces"]}` to find the faces in this photo again: only those steps run, nothing after them, and the asset keeps its status. 404 STEP_NOT_FOUND for a name that is no step, 409 STEP_SWITCHED_OFF for a step this server has switched off, 409 ASSET_STILL_PROCESSING while the asset is processing.
         */
        post: operations["postAssetsByIdSteps"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/{id}/sidecar.xmp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An XMP sidecar with the values in effect (my edits included)
         * @description Capture time with its offset, GPS position, description, rating and keywords, for other software; the original itself is never changed.
         */
        get: operations["getAssetsByIdSidecarXmp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/{id}/text": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The text read in a photo, with each word’s box
         * @description For whoever may see the photo (its owner, a partner, an album member). Before the ocr step has read it the text is empty and `status` says why.
         */
        get: operations["getAssetsByIdText"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/timeline/buckets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Months that hold photos, newest first, by local capture time (archived and trashed excluded) */
        get: operations["getTimelineBuckets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/timeline/buckets/{bucket}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One month’s assets, newest first, in pages */
        get: operations["getTimelineBucketsByBucket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Things found in my photos, most photos first
         * @description Counted over the photos the timeline shows (not archived or trashed); the cover is the newest of them. The vocabulary is COCO’s 80 classes (docs/vision.md).
         */
        get: operations["getTags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tags/{name}/timeline/buckets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Months of my photos with this tag, newest first */
        get: operations["getTagsByNameTimelineBuckets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tags/{name}/timeline/buckets/{bucket}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One month of my photos with this tag, newest first, in pages */
        get: operations["getTagsByNameTimelineBucketsByBucket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/memories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * On this day: my photos from the same day in earlier years, by year
         * @description By local capture date; newest year first; in each year favorites first, then one photo per moment (30 minutes), at most 12. Trashed, archived and hidden assets are never included. Today’s pick is chosen once (by the daily `memories` job, or by the first request of the day) and served all day while the day’s photos stay the same, each asset as it is now; a photo uploaded into the day or leaving it (trashed, archived, hidden, re-dated) makes it chosen again. Another `date` is worked out on each request.
         */
        get: operations["getMemories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My near-duplicate photos, in groups, each with a suggested keeper
         * @description Copies of one photo (resized, recompressed, re-saved, cropped by a few per cent) and consecutive burst frames, found by the `duplicates` vision step. Worked out on each request: trashed photos and groups kept whole (`dismiss`) are left out. The keeper is the largest, then the clearly sharper, then the one with more metadata, then the first uploaded.
         */
        get: operations["getDuplicates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/duplicates/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Keep these photos of a group and move the others to the trash */
        post: operations["postDuplicatesByIdResolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/duplicates/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Keep every photo of a group and stop suggesting it
         * @description The group comes back only if another copy joins it.
         */
        post: operations["postDuplicatesByIdDismiss"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/albums": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My albums and those shared with me, the most recently changed first */
        get: operations["getAlbums"];
        put?: never;
        /** Create an album */
        post: operations["postAlbums"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/albums/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One album */
        get: operations["getAlbumsById"];
        put?: never;
        post?: never;
        /** Delete an album; its photos stay in the library */
        delete: operations["deleteAlbumsById"];
        options?: never;
        head?: never;
        /** Rename an album, describe it, choose its cover (null: the newest) or its order */
        patch: operations["patchAlbumsById"];
        trace?: never;
    };
    "/api/albums/{id}/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Add photos to an album, answering for each id
         * @description `not-allowed`: not one of my photos (or trashed); `already-there`: a member already.
         */
        put: operations["putAlbumsByIdAssets"];
        post?: never;
        /**
         * Take photos out of an album (they stay in the library), answering for each id
         * @description The owner takes out any photo; an editor only those they added (`not-allowed` for others).
         */
        delete: operations["deleteAlbumsByIdAssets"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/albums/{id}/timeline/buckets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Months of the album’s photos, in the album’s order */
        get: operations["getAlbumsByIdTimelineBuckets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/albums/{id}/timeline/buckets/{bucket}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One month of the album’s photos, in the album’s order, in pages */
        get: operations["getAlbumsByIdTimelineBucketsByBucket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shared-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My shared links, newest first (revoked ones too), with their pages to copy again
         * @description Each link not revoked has its `url`, unless it was made before keys were kept (or under another server secret): then `url` is null. Only the owner gets them.
         */
        get: operations["getSharedLinks"];
        put?: never;
        /**
         * Make a link to one of my albums or to some of my photos
         * @description The page for guests is `url`; the owner can get it again from GET /api/shared-links (the key is stored hashed, and sealed with the server secret). 404 for an album that is not mine; 400 when a photo is not mine.
         */
        post: operations["postSharedLinks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shared-links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a link: it stops working at once */
        delete: operations["deleteSharedLinksById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shared-links/{key}/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The photos a link shows, for anyone holding its key
         * @description A link with a password wants it in the `x-share-password` header: 401 with code `PASSWORD_REQUIRED` or `PASSWORD_WRONG` otherwise. The answered `token` then opens the asset URLs (`?token=`). One and the same 404 for an unknown, expired or revoked link.
         */
        get: operations["getSharedLinksByKeyAssets"];
        put?: never;
        /**
         * Upload a photo through a link that allows it (multipart, part `file`)
         * @description It joins the link owner's library, and the album for an album link. 403 when the link does not allow uploading.
         */
        post: operations["postSharedLinksByKeyAssets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shared-links/{key}/assets/{assetId}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A rendition of a shared photo: `thumbnail` (WebP) or `preview` (JPEG) */
        get: operations["getSharedLinksByKeyAssetsByAssetIdThumbnail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shared-links/{key}/assets/{assetId}/original": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The original of a shared photo, when the link allows downloading (403 otherwise)
         * @description When the link hides locations, a copy without GPS is served (the stored original is untouched); a format ExifTool cannot rewrite is refused with 415 `LOCATION_NOT_REMOVABLE` rather than served with its location.
         */
        get: operations["getSharedLinksByKeyAssetsByAssetIdOriginal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shared-links/{key}/assets/{assetId}/video": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A shared video as every browser plays it (Range and ETag supported)
         * @description Without its location metadata when the link hides locations. 403 `DOWNLOAD_NOT_ALLOWED` when the video plays as its original file and the link does not allow downloading (a long video still plays from its HLS set).
         */
        get: operations["getSharedLinksByKeyAssetsByAssetIdVideo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shared-links/{key}/assets/{assetId}/hls/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The HLS set of a shared long video: index.m3u8, its variant playlists, segments
         * @description Start at `index.m3u8`; the names in it resolve beside it, and carry the `token` of a link with a password and the set’s version (`v`: with the current one, a file may be cached for good). 404 for a name outside the set, a photo, or a video without HLS.
         */
        get: operations["getSharedLinksByKeyAssetsByAssetIdHlsByFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/albums/{id}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whom an album is shared with (any member may ask) */
        get: operations["getAlbumsByIdUsers"];
        /**
         * Share an album (owner): the full list of members and roles, replacing the last
         * @description Users left out lose the album at once. Unknown user ids answer 400 `ALBUM_SHARE_UNKNOWN_USERS`, naming them.
         */
        put: operations["putAlbumsByIdUsers"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/albums/{id}/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take a member off an album (owner), or leave an album shared with me */
        delete: operations["deleteAlbumsByIdUsersByUserId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/albums/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Comments and likes of an album, newest first, in pages */
        get: operations["getAlbumsByIdActivity"];
        put?: never;
        /** Comment on an album, or on one of its photos */
        post: operations["postAlbumsByIdActivity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/albums/{id}/activity/likes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Like an album or one of its photos (liking twice is liking once) */
        put: operations["putAlbumsByIdActivityLikes"];
        post?: never;
        /** Take back my like of an album or one of its photos */
        delete: operations["deleteAlbumsByIdActivityLikes"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/directory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The users of this server, id and name only, to share with */
        get: operations["getUsersDirectory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/deletion-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How deleting a user works on this server: the grace period (admin) */
        get: operations["getUsersDeletionPolicy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a user after a grace period (admin)
         * @description Disables the user at once and ends their sessions; their photos and the account are deleted after KEEPSAKE_USER_DELETE_GRACE_DAYS (`deleteAfter`), unless restored.
         */
        delete: operations["deleteUsersById"];
        options?: never;
        head?: never;
        /**
         * Edit a user: name, email, admin, quota, disabled (admin)
         * @description A disabled user can neither sign in nor use a session or API key; their sessions end. 409 LAST_ADMIN when this would leave no enabled admin.
         */
        patch: operations["patchUsersById"];
        trace?: never;
    };
    "/api/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password for a user; their sessions end (admin)
         * @description Their API keys are revoked too, unless `revokeApiKeys` is false (for example when the reset is only because they forgot the password).
         */
        post: operations["postUsersByIdPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a user’s deletion within the grace period, enabling them again (admin) */
        post: operations["postUsersByIdRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whom I share my library with, and who shares theirs with me */
        get: operations["getPartners"];
        put?: never;
        /** Share my whole library, read-only, with a user (again: no change) */
        post: operations["postPartners"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/partners/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop sharing my library with this user (at once) */
        delete: operations["deletePartnersByUserId"];
        options?: never;
        head?: never;
        /**
         * Show (or not) the photos of a user who shares with me in my own timeline
         * @description Their photos then carry `ownerId` in my timeline; they stay theirs (read-only).
         */
        patch: operations["patchPartnersByUserId"];
        trace?: never;
    };
    "/api/search/smart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * My photos and videos by meaning ("dog on a beach"), most alike first
         * @description Ranks my own assets (not trashed; archived ones included) by how close their CLIP vector lies to the query’s. Needs a CLIP model (KEEPSAKE_CLIP_MODEL_DIR): without one, 409 SMART_SEARCH_OFF; a model that cannot load answers 503 SMART_SEARCH_UNAVAILABLE. An asset is found once its `clip` step has run (GET /api/jobs, `vision.steps.clip`).
         */
        post: operations["postSearchSmart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Job counts per queue (admin) */
        get: operations["getJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/failed-assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many assets, of every user, failed processing (admin) */
        get: operations["getJobsFailedAssets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/retry-failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Process every failed asset of every user again, from the first step (admin)
         * @description For after the cause is fixed (ffmpeg installed, say). Each failed asset turns `processing` with its error cleared; `count` says how many were queued.
         */
        post: operations["postJobsRetryFailed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{step}/backfill": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run one vision step for every asset that lacks it (admin)
         * @description Queues the step (`faces`, `objects`, `ocr`, `duplicates`, `clip`) for every asset with no result from its current model version; assets that have one are left alone. A worker does this by itself when it starts; this is for doing it now.
         */
        post: operations["postJobsByStepBackfill"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My people: named first, then by how many photos they are in */
        get: operations["getPeople"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One person */
        get: operations["getPeopleById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Name, hide, give a birth date or choose the face a person is shown by */
        patch: operations["patchPeopleById"];
        trace?: never;
    };
    "/api/people/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge people into this one: their faces become its faces, and they are gone */
        post: operations["postPeopleByIdMerge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The face a person is shown by: a square JPEG, 256 px
         * @description With `v` equal to the face id in the person’s thumbnailUrl the answer may be cached forever.
         */
        get: operations["getPeopleByIdThumbnail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/timeline/buckets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Months with photos of the person, newest first (as the library’s timeline) */
        get: operations["getPeopleByIdTimelineBuckets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/timeline/buckets/{bucket}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One month of the person’s photos, newest first, in pages */
        get: operations["getPeopleByIdTimelineBucketsByBucket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/{id}/faces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The faces found on my photo, left to right, with whose they are */
        get: operations["getAssetsByIdFaces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/faces/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Move a face to another person, or (null) take it off its person
         * @description Either way the face is placed by hand from then on: running the faces step again keeps it, and the automatic grouping leaves it alone. A person left without a face is removed. To start a new person from a face: POST /api/faces/{id}/person.
         */
        put: operations["putFacesById"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/faces/{id}/person": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a new person from a face ("who is this?") */
        post: operations["postFacesByIdPerson"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Begin a resumable upload (tus creation, optionally with its first bytes)
         * @description Upload-Metadata keys (base64 values): `filename` (required), `fileCreatedAt`, `fileModifiedAt`, `deviceId`, `deviceAssetId`. A body (creation-with-upload) is the first bytes; with the whole file the answer carries the asset as PATCH would.
         */
        post: operations["postUploads"];
        delete?: never;
        /** What the resumable upload server supports (tus) */
        options: operations["optionsUploads"];
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/uploads/{uploadId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Abandon an upload and delete what was sent (tus termination) */
        delete: operations["deleteUploadsByUploadId"];
        options?: never;
        /** How many bytes of an upload the server holds (tus), to resume from there */
        head: operations["headUploadsByUploadId"];
        /** Send the next bytes of an upload (tus); the last ones make the asset */
        patch: operations["patchUploadsByUploadId"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Every error: a stable `code` and a readable `message`. */
        ErrorResponse: {
            statusCode: number;
            code: string;
            message: string;
        };
        User: {
            id: string;
            email: string;
            name: string;
            isAdmin: boolean;
        };
        Asset: {
            id: string;
            /** @description Whose it is: mine, or shown to me through a shared album or a partner */
            ownerId: string;
            type: "image" | "video";
            originalFileName: string;
            mimeType: string;
            fileSize: number;
            /** @description SHA-256 of the original, hex */
            checksum: string;
            width: number | null;
            height: number | null;
            /** @description ISO 8601 local capture time, with its UTC offset when known (else without one) */
            takenAt: string;
            /** @description Where the capture time came from, e.g. DateTimeOriginal */
            takenAtSource: string;
            latitude: number | null;
            longitude: number | null;
            make: string | null;
            model: string | null;
            lensModel: string | null;
            fNumber: number | null;
            /** @description seconds */
            exposureTime: number | null;
            iso: number | null;
            /** @description millimetres */
            focalLength: number | null;
            /** @description seconds */
            duration: number | null;
            thumbhash: string | null;
            /** @description Changes with the renditions; pass as `v` */
            thumbnailVersion: string | null;
            isFavorite: boolean;
            isArchived: boolean;
            isTrashed: boolean;
            status: "processing" | "ready" | "failed";
            error: string | null;
            fileCreatedAt: string | null;
            fileModifiedAt: string | null;
            uploadedAt: string;
            deviceId: string | null;
            deviceAssetId: string | null;
            videoCodec: string | null;
            audioCodec: string | null;
            /** @description frames per second */
            frameRate: number | null;
            /** @description The asset holding this still's motion part (Live or motion photo) */
            livePhotoVideoId: string | null;
            /** @description Shared by the frames of one burst */
            burstId: string | null;
            /** @description A still's motion part: fetched through its id, but listed nowhere (not in the timeline) */
            isHidden: boolean;
            description: string | null;
            rating: number | null;
            keywords: string[];
            /** @description The town at the GPS position, named offline from GeoNames; null without a position or with no town within 50 km */
            place: {
                /** @description GeoNames name of the town, e.g. "Rome" */
                city: string;
                /** @description A US state’s postal code ("CO"); absent elsewhere */
                region?: string;
                /** @description English name of the country, e.g. "Italy" */
                country: string;
                /** @description ISO 3166-1 alpha-2, e.g. "IT" */
                countryCode: string;
            } | null;
            /** @description How a video plays in a browser (GET /api/assets/{id}/video); null for a still */
            playback: {
                /** @description `original`: the original plays in every browser as it is; `encoded`: a copy was made that does; `pending`: not decided yet; `failed`: see `error` */
                status: "pending" | "original" | "encoded" | "failed";
                error: string | null;
                /** @description An HLS set exists at /api/assets/{id}/hls/index.m3u8 */
                hls: boolean;
            } | null;
            /** @description Things found in it, most confident first; on GET /api/assets/{id} only, and only for the owner (empty for anyone else) */
            tags?: {
                /** @description A COCO class name (docs/vision.md): "dog", "dining table" */
                name: string;
                confidence: number;
            }[];
        };
        Album: {
            id: string;
            ownerId: string;
            owner: {
                id: string;
                name: string;
            };
            /** @description What I am to the album: its owner; an editor (adds own photos, removes what they added); a viewer */
            role: "owner" | "editor" | "viewer";
            name: string;
            description: string;
            sortOrder: "newest-first" | "oldest-first";
            /** @description The chosen cover; null: the newest photo is the cover */
            coverAssetId: string | null;
            cover: {
                id: string;
                thumbnailVersion: string | null;
            } | null;
            /** @description Photos shown: trashed ones are not counted */
            assetCount: number;
            /** @description YYYY-MM-DD, the local day where the photo was taken */
            startDate: string | null;
            /** @description YYYY-MM-DD, the local day where the photo was taken */
            endDate: string | null;
            createdAt: string;
            updatedAt: string;
        };
        SharedLink: {
            id: string;
            albumId: string | null;
            albumName: string | null;
            expiresAt: string | null;
            hasPassword: boolean;
            allowDownload: boolean;
            allowUpload: boolean;
            hideLocation: boolean;
            createdAt: string;
            revokedAt: string | null;
            assetCount: number;
            /** @description The public page, `/s/{key}`, to copy again; null once revoked, and for a link made before keys were kept (or under another server secret), whose key cannot be recovered */
            url: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getHealthReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getHealthLive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
        };
    };
    getAuthSetup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        setupRequired: boolean;
                    };
                };
            };
        };
    };
    postAuthSetup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        isAdmin: boolean;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postAuthLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        user: {
                            id: string;
                            email: string;
                            name: string;
                            isAdmin: boolean;
                        };
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postAuthLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getAuthSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        createdAt: string;
                        /** @description Last use, to within a few minutes */
                        lastSeenAt: string | null;
                        /** @description The browser or client that signed in, as it named itself */
                        userAgent: string | null;
                        /** @description The session this request came with */
                        current: boolean;
                    }[];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteAuthSessionsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getUsersMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        isAdmin: boolean;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    putUsersMePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                    /** @default true */
                    revokeApiKeys?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        isAdmin: boolean;
                        createdAt: string;
                        /** @description null: no limit */
                        quotaBytes: number | null;
                        disabled: boolean;
                        /** @description Deletion scheduled: the data goes after this instant */
                        deleteAfter: string | null;
                        storage: {
                            /** @description Sum of the sizes of the user’s own originals */
                            usedBytes: number;
                            assetCount: number;
                        };
                    }[];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        isAdmin: boolean;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        createdAt: string;
                    }[];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        createdAt: string;
                        secret: string;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteApiKeysById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getAssets: {
        parameters: {
            query: {
                isFavorite?: boolean;
                isArchived?: boolean;
                isTrashed?: boolean;
                limit: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assets: components["schemas"]["Asset"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postAssets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The photo or video, or an XMP sidecar on its own
                     */
                    file: Blob;
                    /**
                     * Format: binary
                     * @description Its XMP sidecar
                     */
                    sidecar?: Blob;
                    /** @description ISO 8601 */
                    fileCreatedAt?: string;
                    /** @description ISO 8601 */
                    fileModifiedAt?: string;
                    deviceId?: string;
                    deviceAssetId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description `sidecar`: the file was an XMP sidecar, attached to the asset `id` */
                        status: "created" | "duplicate" | "sidecar";
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description `sidecar`: the file was an XMP sidecar, attached to the asset `id` */
                        status: "created" | "duplicate" | "sidecar";
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    patchAssets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ids: string[];
                    isFavorite?: boolean;
                    isArchived?: boolean;
                    /** @description Local date and time, with the UTC offset where known: 2021-07-14T18:30:00+02:00. Moves the asset to that month; its source then reads `edited`. */
                    takenAt?: string;
                    /** @description With longitude; null clears both */
                    latitude?: number | null;
                    longitude?: number | null;
                    description?: string | null;
                    /** @description 0 to 5 stars; -1: rejected */
                    rating?: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: {
                            id: string;
                            status: "updated" | "not-found";
                        }[];
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    putAssetsByIdSidecar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The XMP sidecar, at most 1 MiB
                     */
                    file: Blob;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "sidecar";
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postAssetsExist: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    checksums: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        existing: {
                            checksum: string;
                            id: string;
                        }[];
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getAssetsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Asset"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteAssetsById: {
        parameters: {
            query?: {
                permanently?: boolean;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Asset"];
                };
            };
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    patchAssetsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    isFavorite?: boolean;
                    isArchived?: boolean;
                    /** @description Local date and time, with the UTC offset where known: 2021-07-14T18:30:00+02:00. Moves the asset to that month; its source then reads `edited`. */
                    takenAt?: string;
                    /** @description With longitude; null clears both */
                    latitude?: number | null;
                    longitude?: number | null;
                    description?: string | null;
                    /** @description 0 to 5 stars; -1: rejected */
                    rating?: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Asset"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postAssetsByIdRestore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Asset"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteTrash: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deleted: number;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getAssetsByIdOriginal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The original, byte for byte. A type that could run in a browser (HTML, SVG, XML...) comes as application/octet-stream, an attachment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/*": Blob;
                    "video/*": Blob;
                    "application/octet-stream": Blob;
                };
            };
            /** @description The range asked for */
            206: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/*": Blob;
                    "video/*": Blob;
                    "application/octet-stream": Blob;
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getAssetsByIdThumbnail: {
        parameters: {
            query: {
                size: "thumbnail" | "preview";
                v?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rendition: `thumbnail` in WebP, `preview` in JPEG */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": Blob;
                    "image/jpeg": Blob;
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getAssetsByIdVideo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The video to play: the original when every browser plays it, else a re-encoded MP4 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "video/mp4": Blob;
                    "video/*": Blob;
                };
            };
            /** @description The range asked for */
            206: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "video/mp4": Blob;
                    "video/*": Blob;
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getAssetsByIdHlsByFile: {
        parameters: {
            query?: {
                v?: string;
            };
            header?: never;
            path: {
                id: string;
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A playlist (m3u8) or a segment (MPEG-TS or fragmented MP4) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.apple.mpegurl": Blob;
                    "video/mp2t": Blob;
                    "video/iso.segment": Blob;
                    "video/mp4": Blob;
                };
            };
            /** @description The range asked for */
            206: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.apple.mpegurl": Blob;
                    "video/mp2t": Blob;
                    "video/iso.segment": Blob;
                    "video/mp4": Blob;
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postAssetsByIdReprocess: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Asset"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postAssetsByIdSteps: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description metadata, thumbnails, playback, faces, objects, ocr, duplicates, clip */
                    steps: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Asset"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getAssetsByIdSidecarXmp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The XMP sidecar */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/rdf+xml": Blob;
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getAssetsByIdText: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Lines of words, a blank line between paragraphs; "" when none was read */
                        text: string;
                        words: {
                            text: string;
                            /** @description Fractions (0..1) of the upright picture, from its top left */
                            box: {
                                x: number;
                                y: number;
                                width: number;
                                height: number;
                            };
                            confidence: number;
                        }[];
                        /** @description pending: not read yet (or being read again); done: read (text may be ""); failed: the step failed, or the photo could not be processed and has nothing to read; off: text reading is switched off here */
                        status: "pending" | "done" | "failed" | "off";
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getTimelineBuckets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bucket: string;
                        count: number;
                    }[];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getTimelineBucketsByBucket: {
        parameters: {
            query: {
                limit: number;
                /** @description nextCursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                bucket: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bucket: string;
                        assets: {
                            id: string;
                            takenAt: string;
                            /** @description width / height as displayed; 1 until known */
                            aspectRatio: number;
                            thumbhash: string | null;
                            thumbnailVersion: string | null;
                            type: "image" | "video";
                            /** @description seconds */
                            duration: number | null;
                            isFavorite: boolean;
                            /** @description processing: no thumbnail yet (thumbnailVersion is null until there is one); failed: the asset could not be processed (its reason is on GET /api/assets/{id}). */
                            status: "processing" | "ready" | "failed";
                            /** @description The town at the GPS position, named offline from GeoNames; null without a position or with no town within 50 km */
                            place: {
                                /** @description GeoNames name of the town, e.g. "Rome" */
                                city: string;
                                /** @description A US state’s postal code ("CO"); absent elsewhere */
                                region?: string;
                                /** @description English name of the country, e.g. "Italy" */
                                country: string;
                                /** @description ISO 3166-1 alpha-2, e.g. "IT" */
                                countryCode: string;
                            } | null;
                            /** @description Present only on someone else’s photo: a partner’s in my timeline, or another member’s in a shared album. It is theirs to change; mine to look at and download. */
                            ownerId?: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getTags: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        count: number;
                        coverAssetId: string;
                    }[];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getTagsByNameTimelineBuckets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bucket: string;
                        count: number;
                    }[];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getTagsByNameTimelineBucketsByBucket: {
        parameters: {
            query: {
                limit: number;
                /** @description nextCursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                name: string;
                bucket: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bucket: string;
                        assets: {
                            id: string;
                            takenAt: string;
                            /** @description width / height as displayed; 1 until known */
                            aspectRatio: number;
                            thumbhash: string | null;
                            thumbnailVersion: string | null;
                            type: "image" | "video";
                            /** @description seconds */
                            duration: number | null;
                            isFavorite: boolean;
                            /** @description processing: no thumbnail yet (thumbnailVersion is null until there is one); failed: the asset could not be processed (its reason is on GET /api/assets/{id}). */
                            status: "processing" | "ready" | "failed";
                            /** @description The town at the GPS position, named offline from GeoNames; null without a position or with no town within 50 km */
                            place: {
                                /** @description GeoNames name of the town, e.g. "Rome" */
                                city: string;
                                /** @description A US state’s postal code ("CO"); absent elsewhere */
                                region?: string;
                                /** @description English name of the country, e.g. "Italy" */
                                country: string;
                                /** @description ISO 3166-1 alpha-2, e.g. "IT" */
                                countryCode: string;
                            } | null;
                            /** @description Present only on someone else’s photo: a partner’s in my timeline, or another member’s in a shared album. It is theirs to change; mine to look at and download. */
                            ownerId?: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getMemories: {
        parameters: {
            query?: {
                /** @description YYYY-MM-DD; default: today in the server’s time zone */
                date?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        year: number;
                        yearsAgo: number;
                        assets: {
                            id: string;
                            takenAt: string;
                            /** @description width / height as displayed; 1 until known */
                            aspectRatio: number;
                            thumbhash: string | null;
                            thumbnailVersion: string | null;
                            type: "image" | "video";
                            /** @description seconds */
                            duration: number | null;
                            isFavorite: boolean;
                            /** @description processing: no thumbnail yet (thumbnailVersion is null until there is one); failed: the asset could not be processed (its reason is on GET /api/assets/{id}). */
                            status: "processing" | "ready" | "failed";
                            /** @description The town at the GPS position, named offline from GeoNames; null without a position or with no town within 50 km */
                            place: {
                                /** @description GeoNames name of the town, e.g. "Rome" */
                                city: string;
                                /** @description A US state’s postal code ("CO"); absent elsewhere */
                                region?: string;
                                /** @description English name of the country, e.g. "Italy" */
                                country: string;
                                /** @description ISO 3166-1 alpha-2, e.g. "IT" */
                                countryCode: string;
                            } | null;
                            /** @description Present only on someone else’s photo: a partner’s in my timeline, or another member’s in a shared album. It is theirs to change; mine to look at and download. */
                            ownerId?: string;
                        }[];
                    }[];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getDuplicates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The same while the group has the same members */
                        id: string;
                        assetIds: string[];
                        /**
                         * Format: uuid
                         * @description The suggested photo to keep
                         */
                        keeperId: string;
                        assets: {
                            /** Format: uuid */
                            id: string;
                            originalFileName: string;
                            width: number | null;
                            height: number | null;
                            fileSize: number;
                            /** @description Higher is sharper; compare within a group only */
                            sharpness: number;
                            thumbnailVersion: string | null;
                        }[];
                    }[];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postDuplicatesByIdResolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A group id from GET /api/duplicates */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    keepIds: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        trashedIds: string[];
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postDuplicatesByIdDismiss: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A group id from GET /api/duplicates */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getAlbums: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Album"][];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postAlbums: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Album"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getAlbumsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Album"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteAlbumsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    patchAlbumsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string;
                    /** Format: uuid */
                    coverAssetId?: string | null;
                    sortOrder?: "newest-first" | "oldest-first";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Album"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    putAlbumsByIdAssets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ids: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        result: "added" | "already-there" | "not-allowed";
                    }[];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteAlbumsByIdAssets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ids: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        result: "removed" | "not-there" | "not-allowed";
                    }[];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getAlbumsByIdTimelineBuckets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bucket: string;
                        count: number;
                    }[];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getAlbumsByIdTimelineBucketsByBucket: {
        parameters: {
            query: {
                limit: number;
                /** @description nextCursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
                bucket: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bucket: string;
                        assets: {
                            id: string;
                            takenAt: string;
                            /** @description width / height as displayed; 1 until known */
                            aspectRatio: number;
                            thumbhash: string | null;
                            thumbnailVersion: string | null;
                            type: "image" | "video";
                            /** @description seconds */
                            duration: number | null;
                            isFavorite: boolean;
                            /** @description processing: no thumbnail yet (thumbnailVersion is null until there is one); failed: the asset could not be processed (its reason is on GET /api/assets/{id}). */
                            status: "processing" | "ready" | "failed";
                            /** @description The town at the GPS position, named offline from GeoNames; null without a position or with no town within 50 km */
                            place: {
                                /** @description GeoNames name of the town, e.g. "Rome" */
                                city: string;
                                /** @description A US state’s postal code ("CO"); absent elsewhere */
                                region?: string;
                                /** @description English name of the country, e.g. "Italy" */
                                country: string;
                                /** @description ISO 3166-1 alpha-2, e.g. "IT" */
                                countryCode: string;
                            } | null;
                            /** @description Present only on someone else’s photo: a partner’s in my timeline, or another member’s in a shared album. It is theirs to change; mine to look at and download. */
                            ownerId?: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getSharedLinks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SharedLink"][];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postSharedLinks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    albumId: string;
                    /** Format: date-time */
                    expiresAt?: string | null;
                    /** @description At least 8 characters; empty or null: no password */
                    password?: string | null;
                    allowDownload?: boolean;
                    allowUpload?: boolean;
                    hideLocation?: boolean;
                } | {
                    assetIds: string[];
                    /** Format: date-time */
                    expiresAt?: string | null;
                    /** @description At least 8 characters; empty or null: no password */
                    password?: string | null;
                    allowDownload?: boolean;
                    allowUpload?: boolean;
                    hideLocation?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description Shown once; 256 random bits, base64url */
                        key: string;
                        /** @description The public page, `/s/{key}` */
                        url: string;
                        link: components["schemas"]["SharedLink"];
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteSharedLinksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getSharedLinksByKeyAssets: {
        parameters: {
            query?: {
                /** @description The `token` answered with the assets */
                token?: string;
            };
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        link: {
                            albumName: string | null;
                            expiresAt: string | null;
                            allowDownload: boolean;
                            allowUpload: boolean;
                            hideLocation: boolean;
                        };
                        token: string | null;
                        assets: {
                            id: string;
                            type: "image" | "video";
                            originalFileName: string;
                            mimeType: string;
                            width: number | null;
                            height: number | null;
                            /** @description ISO 8601 local capture time */
                            takenAt: string;
                            /** @description seconds */
                            duration: number | null;
                            thumbhash: string | null;
                            thumbnailVersion: string | null;
                            latitude: number | null;
                            longitude: number | null;
                            /** @description The town at the GPS position, named offline from GeoNames; null without a position or with no town within 50 km */
                            place: {
                                /** @description GeoNames name of the town, e.g. "Rome" */
                                city: string;
                                /** @description A US state’s postal code ("CO"); absent elsewhere */
                                region?: string;
                                /** @description English name of the country, e.g. "Italy" */
                                country: string;
                                /** @description ISO 3166-1 alpha-2, e.g. "IT" */
                                countryCode: string;
                            } | null;
                            playback: {
                                /** @description `original`: the original plays in every browser as it is; `encoded`: a copy was made that does; `pending`: not decided yet; `failed`: see `error` */
                                status: "pending" | "original" | "encoded" | "failed";
                                error: string | null;
                                /** @description An HLS set exists at /api/assets/{id}/hls/index.m3u8 */
                                hls: boolean;
                            } | null;
                        }[];
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postSharedLinksByKeyAssets: {
        parameters: {
            query?: {
                /** @description The `token` answered with the assets */
                token?: string;
            };
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The photo or video
                     */
                    file: Blob;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        status: "created" | "duplicate";
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        status: "created" | "duplicate";
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getSharedLinksByKeyAssetsByAssetIdThumbnail: {
        parameters: {
            query: {
                size: "thumbnail" | "preview";
                v?: string;
                /** @description The `token` answered with the assets */
                token?: string;
            };
            header?: never;
            path: {
                key: string;
                assetId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rendition: `thumbnail` in WebP, `preview` in JPEG */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": Blob;
                    "image/jpeg": Blob;
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getSharedLinksByKeyAssetsByAssetIdOriginal: {
        parameters: {
            query?: {
                /** @description The `token` answered with the assets */
                token?: string;
            };
            header?: never;
            path: {
                key: string;
                assetId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The original, byte for byte. A type that could run in a browser (HTML, SVG, XML...) comes as application/octet-stream, an attachment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/*": Blob;
                    "video/*": Blob;
                    "application/octet-stream": Blob;
                };
            };
            /** @description The range asked for */
            206: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/*": Blob;
                    "video/*": Blob;
                    "application/octet-stream": Blob;
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getSharedLinksByKeyAssetsByAssetIdVideo: {
        parameters: {
            query?: {
                /** @description The `token` answered with the assets */
                token?: string;
            };
            header?: never;
            path: {
                key: string;
                assetId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The video to play: the original when every browser plays it, else a re-encoded MP4 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "video/mp4": Blob;
                    "video/*": Blob;
                };
            };
            /** @description The range asked for */
            206: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "video/mp4": Blob;
                    "video/*": Blob;
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getSharedLinksByKeyAssetsByAssetIdHlsByFile: {
        parameters: {
            query?: {
                /** @description The `token` answered with the assets */
                token?: string;
                v?: string;
            };
            header?: never;
            path: {
                key: string;
                assetId: string;
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A playlist (m3u8) or a segment (MPEG-TS or fragmented MP4) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.apple.mpegurl": Blob;
                    "video/mp2t": Blob;
                    "video/iso.segment": Blob;
                    "video/mp4": Blob;
                };
            };
            /** @description The range asked for */
            206: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.apple.mpegurl": Blob;
                    "video/mp2t": Blob;
                    "video/iso.segment": Blob;
                    "video/mp4": Blob;
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getAlbumsByIdUsers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        userId: string;
                        name: string;
                        /** @description viewer: looks and comments; editor: also adds own photos and removes what they added */
                        role: "viewer" | "editor";
                        addedAt: string;
                    }[];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    putAlbumsByIdUsers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    users: {
                        /** Format: uuid */
                        userId: string;
                        /** @description viewer: looks and comments; editor: also adds own photos and removes what they added */
                        role: "viewer" | "editor";
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        userId: string;
                        name: string;
                        /** @description viewer: looks and comments; editor: also adds own photos and removes what they added */
                        role: "viewer" | "editor";
                        addedAt: string;
                    }[];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteAlbumsByIdUsersByUserId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getAlbumsByIdActivity: {
        parameters: {
            query: {
                limit: number;
                /** @description nextCursor from the previous page */
                cursor?: string;
                /** @description Only the comments and likes about this photo of the album */
                assetId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            kind: "comment" | "like";
                            user: {
                                id: string;
                                name: string;
                            };
                            /** @description The photo it is about; null: the album */
                            assetId: string | null;
                            /** @description A comment’s text */
                            text: string | null;
                            createdAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postAlbumsByIdActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    comment: string;
                    /** Format: uuid */
                    assetId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        kind: "comment" | "like";
                        user: {
                            id: string;
                            name: string;
                        };
                        /** @description The photo it is about; null: the album */
                        assetId: string | null;
                        /** @description A comment’s text */
                        text: string | null;
                        createdAt: string;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    putAlbumsByIdActivityLikes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description A photo of the album; left out: the album
                     */
                    assetId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteAlbumsByIdActivityLikes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description A photo of the album; left out: the album
                     */
                    assetId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getUsersDirectory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                    }[];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getUsersDeletionPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Days a deleted user can be restored before their data goes (KEEPSAKE_USER_DELETE_GRACE_DAYS); 0: at the next maintenance run */
                        graceDays: number;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteUsersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        isAdmin: boolean;
                        createdAt: string;
                        /** @description null: no limit */
                        quotaBytes: number | null;
                        disabled: boolean;
                        /** @description Deletion scheduled: the data goes after this instant */
                        deleteAfter: string | null;
                        storage: {
                            /** @description Sum of the sizes of the user’s own originals */
                            usedBytes: number;
                            assetCount: number;
                        };
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    patchUsersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    email?: string;
                    isAdmin?: boolean;
                    quotaBytes?: number | null;
                    disabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        isAdmin: boolean;
                        createdAt: string;
                        /** @description null: no limit */
                        quotaBytes: number | null;
                        disabled: boolean;
                        /** @description Deletion scheduled: the data goes after this instant */
                        deleteAfter: string | null;
                        storage: {
                            /** @description Sum of the sizes of the user’s own originals */
                            usedBytes: number;
                            assetCount: number;
                        };
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postUsersByIdPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                    /** @default true */
                    revokeApiKeys?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postUsersByIdRestore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        name: string;
                        isAdmin: boolean;
                        createdAt: string;
                        /** @description null: no limit */
                        quotaBytes: number | null;
                        disabled: boolean;
                        /** @description Deletion scheduled: the data goes after this instant */
                        deleteAfter: string | null;
                        storage: {
                            /** @description Sum of the sizes of the user’s own originals */
                            usedBytes: number;
                            assetCount: number;
                        };
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getPartners: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description I share with them */
                        sharedBy: {
                            user: {
                                id: string;
                                name: string;
                            };
                            /** @description The receiving partner shows these photos in their own timeline */
                            inTimeline: boolean;
                            createdAt: string;
                        }[];
                        /** @description They share with me */
                        sharedWith: {
                            user: {
                                id: string;
                                name: string;
                            };
                            /** @description The receiving partner shows these photos in their own timeline */
                            inTimeline: boolean;
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postPartners: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    userId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            id: string;
                            name: string;
                        };
                        /** @description The receiving partner shows these photos in their own timeline */
                        inTimeline: boolean;
                        createdAt: string;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deletePartnersByUserId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    patchPartnersByUserId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    inTimeline: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            id: string;
                            name: string;
                        };
                        /** @description The receiving partner shows these photos in their own timeline */
                        inTimeline: boolean;
                        createdAt: string;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postSearchSmart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    query: string;
                    /** @default 100 */
                    limit?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assets: components["schemas"]["Asset"][];
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getJobs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: {
                            waiting: number;
                            active: number;
                            completed: number;
                            failed: number;
                            /** @description For a queue of recorded steps (vision): how far each step that is on has come, over every asset (faces: `done` of `total`). */
                            steps?: {
                                [key: string]: {
                                    /** @description The model and settings the step runs now. */
                                    version: string;
                                    /** @description Assets that can have the step (they have a preview). */
                                    total: number;
                                    done: number;
                                    failed: number;
                                    /** @description Queued, or not reached yet. */
                                    pending: number;
                                };
                            };
                        };
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getJobsFailedAssets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postJobsRetryFailed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postJobsByStepBackfill: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                step: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        step: string;
                        queued: number;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getPeople: {
        parameters: {
            query: {
                withHidden: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description "" until named */
                        name: string;
                        hidden: boolean;
                        /** @description Faces on photos shown (trashed ones not counted) */
                        faceCount: number;
                        assetCount: number;
                        /** @description The face the person is shown by (round, JPEG); changes when that face does */
                        thumbnailUrl: string | null;
                        /** @description YYYY-MM-DD */
                        birthDate: string | null;
                        /** @description The face chosen to show; null: the best-scored face is shown */
                        featureFaceId: string | null;
                    }[];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getPeopleById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description "" until named */
                        name: string;
                        hidden: boolean;
                        /** @description Faces on photos shown (trashed ones not counted) */
                        faceCount: number;
                        assetCount: number;
                        /** @description The face the person is shown by (round, JPEG); changes when that face does */
                        thumbnailUrl: string | null;
                        /** @description YYYY-MM-DD */
                        birthDate: string | null;
                        /** @description The face chosen to show; null: the best-scored face is shown */
                        featureFaceId: string | null;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    patchPeopleById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description "" unnames */
                    name?: string;
                    hidden?: boolean;
                    birthDate?: string | null;
                    /**
                     * Format: uuid
                     * @description One of the person’s faces; null: the best-scored one
                     */
                    featureFaceId?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description "" until named */
                        name: string;
                        hidden: boolean;
                        /** @description Faces on photos shown (trashed ones not counted) */
                        faceCount: number;
                        assetCount: number;
                        /** @description The face the person is shown by (round, JPEG); changes when that face does */
                        thumbnailUrl: string | null;
                        /** @description YYYY-MM-DD */
                        birthDate: string | null;
                        /** @description The face chosen to show; null: the best-scored face is shown */
                        featureFaceId: string | null;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postPeopleByIdMerge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ids: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description "" until named */
                        name: string;
                        hidden: boolean;
                        /** @description Faces on photos shown (trashed ones not counted) */
                        faceCount: number;
                        assetCount: number;
                        /** @description The face the person is shown by (round, JPEG); changes when that face does */
                        thumbnailUrl: string | null;
                        /** @description YYYY-MM-DD */
                        birthDate: string | null;
                        /** @description The face chosen to show; null: the best-scored face is shown */
                        featureFaceId: string | null;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getPeopleByIdThumbnail: {
        parameters: {
            query?: {
                v?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The face, cropped */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": Blob;
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getPeopleByIdTimelineBuckets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bucket: string;
                        count: number;
                    }[];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getPeopleByIdTimelineBucketsByBucket: {
        parameters: {
            query: {
                limit: number;
                /** @description nextCursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
                bucket: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bucket: string;
                        assets: {
                            id: string;
                            takenAt: string;
                            /** @description width / height as displayed; 1 until known */
                            aspectRatio: number;
                            thumbhash: string | null;
                            thumbnailVersion: string | null;
                            type: "image" | "video";
                            /** @description seconds */
                            duration: number | null;
                            isFavorite: boolean;
                            /** @description processing: no thumbnail yet (thumbnailVersion is null until there is one); failed: the asset could not be processed (its reason is on GET /api/assets/{id}). */
                            status: "processing" | "ready" | "failed";
                            /** @description The town at the GPS position, named offline from GeoNames; null without a position or with no town within 50 km */
                            place: {
                                /** @description GeoNames name of the town, e.g. "Rome" */
                                city: string;
                                /** @description A US state’s postal code ("CO"); absent elsewhere */
                                region?: string;
                                /** @description English name of the country, e.g. "Italy" */
                                country: string;
                                /** @description ISO 3166-1 alpha-2, e.g. "IT" */
                                countryCode: string;
                            } | null;
                            /** @description Present only on someone else’s photo: a partner’s in my timeline, or another member’s in a shared album. It is theirs to change; mine to look at and download. */
                            ownerId?: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getAssetsByIdFaces: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description Fractions (0..1) of the upright picture, from its top left */
                        box: {
                            x: number;
                            y: number;
                            width: number;
                            height: number;
                        };
                        /** @description null: nobody yet */
                        personId: string | null;
                        /** @description null without a person, or for a person not named yet */
                        personName: string | null;
                    }[];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    putFacesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    personId: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description Fractions (0..1) of the upright picture, from its top left */
                        box: {
                            x: number;
                            y: number;
                            width: number;
                            height: number;
                        };
                        /** @description null: nobody yet */
                        personId: string | null;
                        /** @description null without a person, or for a person not named yet */
                        personName: string | null;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postFacesByIdPerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default  */
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description "" until named */
                        name: string;
                        hidden: boolean;
                        /** @description Faces on photos shown (trashed ones not counted) */
                        faceCount: number;
                        assetCount: number;
                        /** @description The face the person is shown by (round, JPEG); changes when that face does */
                        thumbnailUrl: string | null;
                        /** @description YYYY-MM-DD */
                        birthDate: string | null;
                        /** @description The face chosen to show; null: the best-scored face is shown */
                        featureFaceId: string | null;
                    };
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every error: a stable `code` and a readable `message`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    postUploads: {
        parameters: {
            query?: never;
            header: {
                /** @description The protocol version: 1.0.0 */
                "Tus-Resumable": "1.0.0";
                /** @description The file’s size in bytes */
                "Upload-Length"?: number;
                /** @description Instead of Upload-Length: `1`, size told later */
                "Upload-Defer-Length"?: 1;
                /** @description Comma-separated `key base64value` pairs */
                "Upload-Metadata": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/offset+octet-stream": Blob;
            };
        };
        responses: {
            /** @description Created: PATCH the rest to Location */
            201: {
                headers: {
                    /** @description The upload’s URL, relative: /api/uploads/{uploadId} */
                    Location?: string;
                    /** @description Bytes the server holds */
                    "Upload-Offset"?: number;
                    /** @description When an unfinished upload is deleted (RFC 7231 date) */
                    "Upload-Expires"?: string;
                    /** @description With the last bytes: the asset they made (or the one I had) */
                    "Keepsake-Asset-Id"?: string;
                    /** @description With the last bytes: `created` or `duplicate` */
                    "Keepsake-Asset-Status"?: "created" | "duplicate";
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A header is missing or malformed, or Upload-Metadata names no filename */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Tus-Resumable is not 1.0.0 */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Over KEEPSAKE_MAX_UPLOAD_BYTES, or over my quota */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not a photo or video Keepsake can keep */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    optionsUploads: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The protocol versions, extensions and size limit */
            204: {
                headers: {
                    /** @description 1.0.0 */
                    "Tus-Version"?: string;
                    /** @description creation, creation-with-upload, termination, expiration… */
                    "Tus-Extension"?: string;
                    /** @description KEEPSAKE_MAX_UPLOAD_BYTES */
                    "Tus-Max-Size"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A header is missing or malformed, or Upload-Metadata names no filename */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deleteUploadsByUploadId: {
        parameters: {
            query?: never;
            header: {
                /** @description The protocol version: 1.0.0 */
                "Tus-Resumable": "1.0.0";
            };
            path: {
                uploadId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such upload (or not mine) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The upload expired or was aborted */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Tus-Resumable is not 1.0.0 */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    headUploadsByUploadId: {
        parameters: {
            query?: never;
            header: {
                /** @description The protocol version: 1.0.0 */
                "Tus-Resumable": "1.0.0";
            };
            path: {
                uploadId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The offset to resume from */
            200: {
                headers: {
                    /** @description Bytes the server holds */
                    "Upload-Offset"?: number;
                    /** @description The file’s size */
                    "Upload-Length"?: number;
                    /** @description As sent at creation */
                    "Upload-Metadata"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such upload (or not mine) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The upload expired or was aborted */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Tus-Resumable is not 1.0.0 */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    patchUploadsByUploadId: {
        parameters: {
            query?: never;
            header: {
                /** @description The protocol version: 1.0.0 */
                "Tus-Resumable": "1.0.0";
                /** @description Where these bytes start: the offset HEAD answered */
                "Upload-Offset": number;
                /** @description The size, if it was deferred */
                "Upload-Length"?: number;
            };
            path: {
                uploadId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/offset+octet-stream": Blob;
            };
        };
        responses: {
            /** @description Received */
            204: {
                headers: {
                    /** @description Bytes the server holds */
                    "Upload-Offset"?: number;
                    /** @description When an unfinished upload is deleted */
                    "Upload-Expires"?: string;
                    /** @description With the last bytes: the asset they made (or the one I had) */
                    "Keepsake-Asset-Id"?: string;
                    /** @description With the last bytes: `created` or `duplicate` */
                    "Keepsake-Asset-Status"?: "created" | "duplicate";
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A header is missing or malformed, or Upload-Metadata names no filename */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such upload (or not mine) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Upload-Offset is not the offset the server holds */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The upload expired or was aborted */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Tus-Resumable is not 1.0.0 */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Over KEEPSAKE_MAX_UPLOAD_BYTES, or over my quota */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not a photo or video Keepsake can keep */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
