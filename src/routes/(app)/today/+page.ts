// Rendered in the browser from the device's database (Dexie): no server load, so the page opens
// offline from the cached shell and client-side navigation never needs the network.
export const ssr = false;
