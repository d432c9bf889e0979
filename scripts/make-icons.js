/**
 * Draws the Kontrolla mark (a white map pin with an amber centre on deep blue) as an SVG and as
 * PNG icons for the web manifest. No image tool is installed here, so the PNGs are rasterised by
 * sampling the same geometry 4×4 times per pixel and encoded with node:zlib.
 * Run `node scripts/make-icons.js`; the output in static/icons/ is committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const OUT = path.resolve('static/icons');
const BLUE = [0x0b, 0x3d, 0x5c];
const WHITE = [0xff, 0xff, 0xff];
const AMBER = [0xf2, 0xa9, 0x00];

// Geometry in a unit square. The pin is a circle plus the triangle tangent to it from the tip:
// with the tip 2r below the centre the tangents touch at ±60°, i.e. (±r·sin60°, r/2) from the centre.
const PIN = { cx: 0.5, cy: 0.4, r: 0.2, tipY: 0.8, dot: 0.085 };
const TANGENT_DX = PIN.r * Math.sin(Math.PI / 3);
const TANGENT_Y = PIN.cy + PIN.r / 2;

function inPin(x, y) {
	if ((x - PIN.cx) ** 2 + (y - PIN.cy) ** 2 <= PIN.r ** 2) return true;
	if (y < TANGENT_Y || y > PIN.tipY) return false;
	const halfWidth = (TANGENT_DX * (PIN.tipY - y)) / (PIN.tipY - TANGENT_Y);
	return Math.abs(x - PIN.cx) <= halfWidth;
}

const inDot = (x, y) => (x - PIN.cx) ** 2 + (y - PIN.cy) ** 2 <= PIN.dot ** 2;

function inRoundedSquare(x, y, radius) {
	const dx = Math.max(radius - x, 0, x - (1 - radius));
	const dy = Math.max(radius - y, 0, y - (1 - radius));
	return dx * dx + dy * dy <= radius * radius;
}

/** `scale` shrinks the pin towards the centre (maskable icons keep it inside the safe zone). */
function colourAt(x, y, { corner, scale }) {
	if (!inRoundedSquare(x, y, corner)) return null;
	const px = 0.5 + (x - 0.5) / scale;
	const py = 0.5 + (y - 0.5) / scale;
	if (inDot(px, py)) return AMBER;
	if (inPin(px, py)) return WHITE;
	return BLUE;
}

function rasterise(size, options) {
	const SS = 4;
	const rgba = Buffer.alloc(size * size * 4);
	for (let py = 0; py < size; py++) {
		for (let px = 0; px < size; px++) {
			let r = 0,
				g = 0,
				b = 0,
				a = 0;
			for (let sy = 0; sy < SS; sy++) {
				for (let sx = 0; sx < SS; sx++) {
					const c = colourAt((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size, options);
					if (!c) continue;
					r += c[0];
					g += c[1];
					b += c[2];
					a += 1;
				}
			}
			const i = (py * size + px) * 4;
			if (a > 0) {
				rgba[i] = Math.round(r / a);
				rgba[i + 1] = Math.round(g / a);
				rgba[i + 2] = Math.round(b / a);
			}
			rgba[i + 3] = Math.round((255 * a) / (SS * SS));
		}
	}
	return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes) {
	let c = 0xffffffff;
	for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

/** 8-bit RGBA, no interlace; every scanline uses filter 0 (none), which deflate handles well enough. */
function encodePng(size, rgba) {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header[8] = 8;
	header[9] = 6;
	const stride = size * 4;
	const raw = Buffer.alloc((stride + 1) * size);
	for (let y = 0; y < size; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

function svg() {
	const u = (v) => +(v * 512).toFixed(1);
	const hex = (c) => '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('');
	const pin =
		`M${u(PIN.cx - TANGENT_DX)} ${u(TANGENT_Y)}` +
		`A${u(PIN.r)} ${u(PIN.r)} 0 1 1 ${u(PIN.cx + TANGENT_DX)} ${u(TANGENT_Y)}` +
		`L${u(PIN.cx)} ${u(PIN.tipY)}Z`;
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" role="img" aria-label="Kontrolla">
<rect width="512" height="512" rx="${u(0.2)}" fill="${hex(BLUE)}"/>
<path d="${pin}" fill="${hex(WHITE)}"/>
<circle cx="${u(PIN.cx)}" cy="${u(PIN.cy)}" r="${u(PIN.dot)}" fill="${hex(AMBER)}"/>
</svg>
`;
}

fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'icon.svg'), svg());
const icons = [
	{ file: 'icon-192.png', size: 192, corner: 0.2, scale: 1 },
	{ file: 'icon-512.png', size: 512, corner: 0.2, scale: 1 },
	// Maskable: full bleed, pin scaled into the central 80 % circle that every mask keeps.
	{ file: 'icon-maskable-512.png', size: 512, corner: 0, scale: 0.78 }
];
for (const { file, size, ...options } of icons) {
	fs.writeFileSync(path.join(OUT, file), encodePng(size, rasterise(size, options)));
}
console.log(`wrote icon.svg and ${icons.length} PNGs to ${path.relative(process.cwd(), OUT)}`);
