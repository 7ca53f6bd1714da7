/*
 * Browser globals, loosely typed, for the functions that browser tests and the browser
 * benchmark pass to playwright's page.evaluate: those run in chromium, but are type-checked
 * with the rest of the tests, which see Node's globals. The DOM library itself cannot be added
 * to that program (its fetch and Blob types disagree with Node's). The server's own build
 * (tsconfig.build.json, src/ only) does not see these, so server code cannot use them.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
type HTMLElement = any;
type HTMLImageElement = any;
type HTMLVideoElement = any;
type HTMLInputElement = any;
type Element = any;
declare const document: {
  querySelector<T = any>(selector: string): T | null;
  querySelectorAll<T = any>(
    selector: string,
  ): ArrayLike<T> & Iterable<T> & { forEach(callback: (element: T) => void): void };
  getElementsByTagName(name: string): ArrayLike<any>;
  [property: string]: any;
};
declare const window: any;
declare const navigator: any;
declare const location: any;
declare const caches: any;
declare const innerHeight: number;
declare const innerWidth: number;
declare const requestAnimationFrame: (callback: (now: number) => void) => number;
declare const getComputedStyle: (element: any) => any;
