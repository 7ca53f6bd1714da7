/**
 * The viewer's icons as inline SVG (Material Symbols' shapes, redrawn as paths): emoji and symbol
 * glyphs are missing from some systems' fonts, and a button must never show an empty box.
 */
const PATHS = {
  close:
    'M6.4 19 5 17.6 10.6 12 5 6.4 6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4Z',
  heart:
    'm12 21-1.45-1.3q-2.53-2.28-4.18-3.93T3.73 12.8 2.34 10.36 1.95 8.15q0-2.35 1.57-3.93T7.45 2.65q1.3 0 2.48.55T12 4.75q.9-1 2.08-1.55t2.47-.55q2.35 0 3.93 1.58t1.57 3.92q0 1.15-.39 2.25t-1.39 2.44-2.64 2.97-4.18 3.93Z',
  heartOutline:
    'm12 21-1.45-1.3q-2.53-2.28-4.18-3.93T3.73 12.8 2.34 10.36 1.95 8.15q0-2.35 1.57-3.93T7.45 2.65q1.3 0 2.48.55T12 4.75q.9-1 2.08-1.55t2.47-.55q2.35 0 3.93 1.58t1.57 3.92q0 1.15-.39 2.25t-1.39 2.44-2.64 2.97-4.18 3.93Zm0-2.7q2.4-2.15 3.95-3.69t2.45-2.68 1.25-2.04.35-1.74q0-1.5-1-2.5t-2.5-1q-1.18 0-2.18.66T12.95 7h-1.9q-.38-1.03-1.38-1.69T7.5 4.65q-1.5 0-2.5 1t-1 2.5q0 .87.35 1.76t1.25 2.04 2.45 2.68T12 18.3Z',
  download:
    'M12 16 7 11l1.4-1.45 2.6 2.6V4h2v8.15l2.6-2.6L17 11Zm-6 4q-.83 0-1.41-.59T4 18v-3h2v3h12v-3h2v3q0 .83-.59 1.41T18 20Z',
  trash:
    'M7 21q-.83 0-1.41-.59T5 19V6H4V4h5V3h6v1h5v2h-1v13q0 .83-.59 1.41T17 21ZM17 6H7v13h10ZM9 17h2V8H9Zm4 0h2V8h-2Z',
  info: 'M11 17h2v-6h-2Zm1-8q.43 0 .71-.29T13 8t-.29-.71T12 7t-.71.29T11 8t.29.71T12 9Zm0 13q-2.08 0-3.9-.79t-3.18-2.14-2.14-3.18T2 12t.79-3.9 2.14-3.18T8.1 2.79 12 2t3.9.79 3.18 2.14 2.14 3.18T22 12t-.79 3.9-2.14 3.18-3.18 2.14T12 22Zm0-2q3.35 0 5.68-2.32T20 12t-2.32-5.68T12 4 6.32 6.32 4 12t2.32 5.68T12 20Z',
  previous: 'M15.4 18 9.4 12l6-6 1.4 1.4-4.6 4.6 4.6 4.6Z',
  next: 'M12.6 12 8 7.4 9.4 6l6 6-6 6L8 16.6Z',
};

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
