import { describe, expect, it } from 'vitest';
import {
  describeAsset,
  formatCamera,
  formatCoordinates,
  formatDimensions,
  formatDuration,
  formatExposure,
  formatExposureTime,
  formatFileSize,
  formatPlace,
  formatTakenAt,
  formatTakenAtLine,
  isBrowserDisplayable,
  openStreetMapUrl,
} from './format-info';

describe('capture time', () => {
  it('keeps the wall clock and names the offset', () => {
    expect(formatTakenAtLine('2026-11-25T14:03:00+01:00', 'en-GB')).toBe(
      'Wed, 25 Nov 2026, 14:03 (UTC+01:00)',
    );
    expect(formatTakenAt('2011-01-13T09:05:00-04:00', 'en-GB')).toEqual({
      local: 'Thu, 13 Jan 2011, 09:05',
      zone: 'UTC-04:00',
    });
  });

  it('does not convert to the browser zone, even across midnight', () => {
    expect(formatTakenAt('2020-12-31T23:30:00-10:00', 'en-GB').local).toBe(
      'Thu, 31 Dec 2020, 23:30',
    );
  });

  it('says UTC for Z and compact offsets read as such', () => {
    expect(formatTakenAt('2026-11-25T14:03:00Z', 'en-GB').zone).toBe('UTC');
    expect(formatTakenAt('2026-11-25T14:03:00.123+0530', 'en-GB').zone).toBe('UTC+05:30');
  });

  it('invents no zone when the file gave none', () => {
    expect(formatTakenAtLine('2026-11-25T14:03:00', 'en-GB')).toBe('Wed, 25 Nov 2026, 14:03');
    expect(formatTakenAt('2026-11-25T14:03', 'en-GB').zone).toBeNull();
  });

  it('shows an unparseable value as it is', () => {
    expect(formatTakenAt('sometime', 'en-GB')).toEqual({ local: 'sometime', zone: null });
  });
});

describe('exposure', () => {
  it('writes shutter speeds as fractions below a third of a second', () => {
    expect(formatExposureTime(1 / 120)).toBe('1/120 s');
    expect(formatExposureTime(0.008)).toBe('1/125 s');
    expect(formatExposureTime(0.0003125)).toBe('1/3200 s');
    expect(formatExposureTime(0.5)).toBe('1/2 s');
    expect(formatExposureTime(0.4)).toBe('0.4 s');
    expect(formatExposureTime(1)).toBe('1 s');
    expect(formatExposureTime(2.5)).toBe('2.5 s');
    expect(formatExposureTime(30)).toBe('30 s');
  });

  it('joins what is known', () => {
    expect(
      formatExposure({ fNumber: 1.8, exposureTime: 1 / 120, iso: 100, focalLength: 4.2 }),
    ).toBe('f/1.8 · 1/120 s · ISO 100 · 4.2 mm');
    expect(formatExposure({ fNumber: 11, exposureTime: null, iso: null, focalLength: 50 })).toBe(
      'f/11 · 50 mm',
    );
    expect(
      formatExposure({ fNumber: null, exposureTime: null, iso: null, focalLength: null }),
    ).toBeNull();
  });
});

describe('camera', () => {
  it('does not repeat the maker', () => {
    expect(formatCamera('Canon', 'Canon EOS R5')).toBe('Canon EOS R5');
    expect(formatCamera('NIKON CORPORATION', 'NIKON D5000')).toBe('NIKON D5000');
    expect(formatCamera('Apple', 'iPhone 4')).toBe('Apple iPhone 4');
    expect(formatCamera(null, 'Pixel 8 Pro')).toBe('Pixel 8 Pro');
    expect(formatCamera('Google', null)).toBe('Google');
    expect(formatCamera(null, null)).toBeNull();
  });
});

describe('sizes', () => {
  it('uses decimal units', () => {
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(15_677)).toBe('15.7 KB');
    expect(formatFileSize(945_207)).toBe('945 KB');
    expect(formatFileSize(999_999)).toBe('1 MB');
    expect(formatFileSize(3_102_563)).toBe('3.1 MB');
    expect(formatFileSize(4_500_000_000)).toBe('4.5 GB');
  });

  it('gives dimensions and megapixels', () => {
    expect(formatDimensions(4032, 3024)).toBe('4032 × 3024 · 12.2 MP');
    expect(formatDimensions(100, 75)).toBe('100 × 75 · 0.01 MP');
  });

  it('formats durations', () => {
    expect(formatDuration(7.4)).toBe('0:07');
    expect(formatDuration(725)).toBe('12:05');
    expect(formatDuration(3723)).toBe('1:02:03');
  });
});

describe('place', () => {
  it('names hemispheres and links to OpenStreetMap', () => {
    expect(formatCoordinates(41.890251, 12.492373)).toBe('41.89025° N, 12.49237° E');
    expect(formatCoordinates(-33.8688, -70.5)).toBe('33.86880° S, 70.50000° W');
    expect(openStreetMapUrl(41.9, 12.5)).toBe(
      'https://www.openstreetmap.org/?mlat=41.9&mlon=12.5#map=15/41.9/12.5',
    );
  });
  it('names the town and country, with a US state between them', () => {
    expect(formatPlace({ city: 'Rome', country: 'Italy', countryCode: 'IT' })).toBe('Rome, Italy');
    expect(
      formatPlace({ city: 'Palisade', region: 'CO', country: 'United States', countryCode: 'US' }),
    ).toBe('Palisade, CO, United States');
  });
});

describe('alt text', () => {
  const base = {
    type: 'image' as const,
    takenAt: '2026-11-25T14:03:00+01:00',
    description: null,
    place: null,
  };
  const rome = { city: 'Rome', country: 'Italy', countryCode: 'IT' };
  it('names the day and the place', () => {
    expect(describeAsset({ ...base, latitude: 41.9, longitude: 12.5, place: rome }, 'en-GB')).toBe(
      'Photo from 25 November 2026 in Rome, Italy',
    );
    expect(describeAsset({ ...base, latitude: 41.9, longitude: 12.5 }, 'en-GB')).toBe(
      'Photo from 25 November 2026 at 41.90000° N, 12.50000° E',
    );
    expect(
      describeAsset(
        { ...base, type: 'video', latitude: null, longitude: null, description: ' Snow ' },
        'en-GB',
      ),
    ).toBe('Video from 25 November 2026: Snow');
  });
});

it('knows which originals a browser can draw', () => {
  expect(isBrowserDisplayable('image/jpeg')).toBe(true);
  expect(isBrowserDisplayable('image/AVIF')).toBe(true);
  expect(isBrowserDisplayable('image/heic')).toBe(false);
  expect(isBrowserDisplayable('image/tiff')).toBe(false);
  expect(isBrowserDisplayable('image/x-adobe-dng')).toBe(false);
});
