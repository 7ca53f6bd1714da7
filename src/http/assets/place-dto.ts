import { Type } from '@sinclair/typebox';

/** The town at an asset's GPS position; see [Note: Place names] in the places adapter. */
export const PlaceDto = Type.Union(
  [
    Type.Object({
      city: Type.String({ description: 'GeoNames name of the town, e.g. "Rome"' }),
      region: Type.Optional(
        Type.String({ description: 'A US state’s postal code ("CO"); absent elsewhere' }),
      ),
      country: Type.String({ description: 'English name of the country, e.g. "Italy"' }),
      countryCode: Type.String({ description: 'ISO 3166-1 alpha-2, e.g. "IT"' }),
    }),
    Type.Null(),
  ],
  {
    description:
      'The town at the GPS position, named offline from GeoNames; null without a position or ' +
      'with no town within 50 km',
  },
);
