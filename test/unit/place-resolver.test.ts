import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GeoNamesPlaceResolver } from '../../src/adapters/places/geonames-place-resolver.js';
import { readTruth } from '../helpers/corpus.js';
import { expectedPosition } from '../helpers/truth-expectations.js';

// One resolver for the file: the gazetteer loads once, on the first call.
const places = new GeoNamesPlaceResolver();

describe('naming the place at a GPS position (GeoNames, offline)', () => {
  it('names the city, with the English name of its country', () => {
    assert.deepEqual(places.resolve(41.8902, 12.4922), {
      city: 'Rome',
      country: 'Italy',
      countryCode: 'IT',
    });
  });

  it('prefers the big city the position lies well inside over a suburb whose centre is nearer', () => {
    // Times Square: Manhattan's centre point is 3 km away, New York City's 5 km.
    assert.equal(places.resolve(40.758, -73.9855)?.city, 'New York City');
    // A city's districts are no towns of their own: Mitte's centre is Berlin's, give or take.
    assert.equal(places.resolve(52.52, 13.405)?.city, 'Berlin');
    assert.equal(places.resolve(53.132559, 8.719196)?.city, 'Bremen'); // not Burglesum
    // ...but a city inside a bigger neighbour's reach keeps its own name.
    assert.equal(places.resolve(35.4437, 139.638)?.city, 'Yokohama');
  });

  it('gives a US state as the region, and no region elsewhere', () => {
    assert.deepEqual(places.resolve(34.0754, -118.2543), {
      city: 'Los Angeles',
      region: 'CA',
      country: 'United States',
      countryCode: 'US',
    });
    assert.equal(places.resolve(48.8584, 2.2945)?.region, undefined);
  });

  it('keeps to the country of the nearest town near a border', () => {
    assert.equal(places.resolve(41.9022, 12.4539)?.countryCode, 'VA'); // St Peter's, not Rome
    assert.deepEqual(
      [places.resolve(46.1934, 6.2342)?.city, places.resolve(46.1934, 6.2342)?.country],
      ['Annemasse', 'France'], // Geneva is bigger and 7 km away, across the border
    );
    assert.equal(places.resolve(46.2044, 6.1432)?.countryCode, 'CH');
    assert.equal(places.resolve(47.5935, 7.6206)?.city, 'Weil am Rhein'); // Basel's German side
  });

  it('knows no place far from any town: mid-Atlantic, the North Pole', () => {
    assert.equal(places.resolve(30, -40), null);
    assert.equal(places.resolve(89, 0), null);
    assert.equal(places.resolve(Number.NaN, 0), null);
  });

  it('names the towns of the corpus photos, from ExifTool’s reading of their GPS', async () => {
    const expected: Record<string, [city: string, countryCode: string]> = {
      'gps/Apple iPhone 4.jpg': ['Rome', 'IT'],
      'gps/FujiFilm FinePixS1Pro (1).jpg': ['Horsley', 'GB'],
      'gps/HTC Desire.jpg': ['Milan', 'IT'],
      'gps/Sony DSC-HX5V (2).jpg': ['Langenberg', 'DE'],
      'gps/mongolia.jpeg': ['Khujirt', 'MN'],
      'gps/thompson-springs.jpg': ['Palisade', 'US'],
    };
    for (const [file, [city, countryCode]] of Object.entries(expected)) {
      const position = expectedPosition(await readTruth(file));
      assert.ok(position, file);
      const place = places.resolve(position.latitude, position.longitude);
      assert.deepEqual([place?.city, place?.countryCode], [city, countryCode], file);
    }
  });
});
