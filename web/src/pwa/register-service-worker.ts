/** Registers the service worker (public/sw.js) that keeps the app shell and seen thumbnails. */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
      // The app works without it; only offline use and install are lost.
      console.warn('Service worker not registered:', error);
    });
  });
}
