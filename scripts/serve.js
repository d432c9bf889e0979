// `npm start` serves through this file so the defaults the app needs hold without extra flags:
// photos up to 8 MiB arrive in one request (adapter-node's default body limit is 512 KiB).
process.env.BODY_SIZE_LIMIT ??= '10M';
await import('../build/index.js');
