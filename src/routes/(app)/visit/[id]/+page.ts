// The inspection editor runs from the device's database alone: no server load, so it opens and
// keeps working offline, and a reload or a reopened tab resumes from what Dexie holds.
export const ssr = false;
