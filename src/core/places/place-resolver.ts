/** A named place: the town a photo was taken in, for people to read ("Rome, Italy"). */
export interface Place {
  city: string;
  /** Only where the gazetteer has a name people use (a US state's postal code: "CO"). */
  region?: string;
  /** English name of the country, e.g. "Italy". */
  country: string;
  /** ISO 3166-1 alpha-2, e.g. "IT": for filtering, and for naming the country in another language. */
  countryCode: string;
}

/**
 * Names the place at a GPS position, offline. Null where no town is near (mid-ocean, the poles).
 *
 * @example
 *   resolver.resolve(41.8902, 12.4922); // { city: 'Rome', country: 'Italy', countryCode: 'IT' }
 */
export interface PlaceResolver {
  resolve(latitude: number, longitude: number): Place | null;
}
