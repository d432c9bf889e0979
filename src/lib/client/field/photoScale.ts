/**
 * The arithmetic of downscaling a photo on the device before it is stored: a long side of at most
 * 1600 px is plenty to read a licence or a price list and keeps a photo well under a megabyte, so
 * a day's photos fit the phone and go up over a weak connection.
 */
import { MAX_ATTACHMENT_BYTES } from '../../domain/records/codes.ts';

export const MAX_LONG_SIDE = 1600;

/** Qualities tried in turn until the JPEG fits the server's size limit; the first almost always does. */
export const JPEG_QUALITIES = [0.85, 0.7, 0.55, 0.4] as const;

export type Size = { width: number; height: number };

/** Keeps the aspect ratio, never enlarges, and never rounds a side down to nothing. */
export function scaledSize({ width, height }: Size, maxLongSide = MAX_LONG_SIDE): Size {
	if (!(width > 0 && height > 0)) throw new RangeError(`not an image size: ${width}×${height}`);
	const longSide = Math.max(width, height);
	if (longSide <= maxLongSide) return { width, height };
	const factor = maxLongSide / longSide;
	return {
		width: width >= height ? maxLongSide : Math.max(1, Math.round(width * factor)),
		height: height > width ? maxLongSide : Math.max(1, Math.round(height * factor))
	};
}

export function fitsUpload(bytes: number): boolean {
	return bytes > 0 && bytes <= MAX_ATTACHMENT_BYTES;
}
