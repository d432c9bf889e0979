// Everything on this screen is the device's own database (IndexedDB): there is nothing to render
// on the server, and the page must open offline from the cached shell.
export const ssr = false;
