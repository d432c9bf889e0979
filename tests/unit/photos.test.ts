import { describe, expect, it } from 'vitest';
import { fitsUpload, MAX_LONG_SIDE, scaledSize } from '../../src/lib/client/field/photoScale.ts';
import { MAX_ATTACHMENT_BYTES } from '../../src/lib/domain/records/codes.ts';

describe('a photo is downscaled to a long side of at most 1600 px', () => {
	it('brings a 12-megapixel landscape photo to 1600 px wide, keeping its shape', () => {
		expect(scaledSize({ width: 4000, height: 3000 })).toEqual({ width: 1600, height: 1200 });
	});
	it('brings a portrait photo to 1600 px high', () => {
		expect(scaledSize({ width: 3024, height: 4032 })).toEqual({ width: 1200, height: 1600 });
	});
	it('brings a square photo to 1600 × 1600', () => {
		expect(scaledSize({ width: 2000, height: 2000 })).toEqual({ width: 1600, height: 1600 });
	});
	it('rounds the short side to the nearest pixel', () => {
		expect(scaledSize({ width: 4000, height: 2251 })).toEqual({ width: 1600, height: 900 });
		expect(scaledSize({ width: 4001, height: 3001 })).toEqual({ width: 1600, height: 1200 });
	});
	it('never enlarges a photo that is small enough already', () => {
		expect(scaledSize({ width: 1600, height: 900 })).toEqual({ width: 1600, height: 900 });
		expect(scaledSize({ width: 640, height: 480 })).toEqual({ width: 640, height: 480 });
	});
	it('keeps at least one pixel on the short side of a very long panorama', () => {
		expect(scaledSize({ width: 100_000, height: 20 })).toEqual({ width: MAX_LONG_SIDE, height: 1 });
	});
	it('refuses a size that is not an image', () => {
		expect(() => scaledSize({ width: 0, height: 100 })).toThrow(RangeError);
		expect(() => scaledSize({ width: Number.NaN, height: 100 })).toThrow(RangeError);
	});
	it('honours another limit when asked', () => {
		expect(scaledSize({ width: 1000, height: 500 }, 320)).toEqual({ width: 320, height: 160 });
	});
});

describe('a photo must fit the server’s size limit', () => {
	it('fits up to 8 MiB', () => {
		expect(fitsUpload(MAX_ATTACHMENT_BYTES)).toBe(true);
		expect(fitsUpload(MAX_ATTACHMENT_BYTES + 1)).toBe(false);
	});
	it('does not take an empty file', () => {
		expect(fitsUpload(0)).toBe(false);
	});
});
