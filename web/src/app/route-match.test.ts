import { describe, expect, it } from 'vitest';
import { matchRoute } from './route-match';

describe('matchRoute', () => {
  it('answers the parameters of a matching path', () => {
    expect(matchRoute('/albums/:id', '/albums/3f2a')).toEqual({ id: '3f2a' });
    expect(matchRoute('/albums/:id', '/albums/a%20b')).toEqual({ id: 'a b' });
    expect(matchRoute('/albums', '/albums')).toEqual({});
  });

  it('matches exactly: no prefix, no extra part, no empty parameter', () => {
    expect(matchRoute('/albums/:id', '/albums')).toBeUndefined();
    expect(matchRoute('/albums/:id', '/albums/')).toBeUndefined();
    expect(matchRoute('/albums/:id', '/albums/1/photos')).toBeUndefined();
    expect(matchRoute('/albums/:id', '/people/1')).toBeUndefined();
    expect(matchRoute('/albums/:id', '/albums/%E0%A4%A')).toBeUndefined();
  });
});
