/**
 * A small seeded pseudo-random generator (mulberry32) for demo data and tests: the same seed gives
 * the same sequence on every machine, so demo databases and their ids are reproducible. Not for
 * secrets — session tokens and real record ids use the platform's cryptographic generator.
 */

export type Random = {
	/** Uniform in [0, 1). */
	next(): number;
	/** Integer in [min, max], both ends included. */
	int(min: number, max: number): number;
	chance(probability: number): boolean;
	pick<T>(items: readonly T[]): T;
	/** Picks by relative weight: `[['bar', 3], ['hotel_motel', 1]]` gives 'bar' three times as often. */
	weighted<T>(entries: readonly (readonly [T, number])[]): T;
	/** Normally distributed (Box–Muller). */
	gaussian(mean?: number, standardDeviation?: number): number;
	/** `count` distinct items in random order. */
	sample<T>(items: readonly T[], count: number): T[];
	/** A version-4-shaped UUID drawn from this sequence. */
	uuid(): string;
	/**
	 * An independent sequence named by `label`: drawing more from one part of the demo data then
	 * does not shift every value generated after it.
	 */
	fork(label: string): Random;
};

/** 32-bit FNV-1a, to turn a readable seed ('2025-06-02/venues') into mulberry32's state. */
export function hashSeed(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

export function createRandom(seed: string): Random {
	let state = hashSeed(seed);

	function next(): number {
		state = (state + 0x6d2b79f5) | 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	function int(min: number, max: number): number {
		return min + Math.floor(next() * (max - min + 1));
	}

	function pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('cannot pick from an empty list');
		return items[Math.floor(next() * items.length)] as T;
	}

	function weighted<T>(entries: readonly (readonly [T, number])[]): T {
		const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
		if (!(total > 0)) throw new Error('weights must add up to more than zero');
		let target = next() * total;
		for (const [item, weight] of entries) {
			target -= weight;
			if (target < 0) return item;
		}
		return (entries[entries.length - 1] as readonly [T, number])[0];
	}

	function gaussian(mean = 0, standardDeviation = 1): number {
		// 1 - next() is in (0, 1], so the logarithm is finite.
		const u = 1 - next();
		const v = next();
		return mean + standardDeviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	function sample<T>(items: readonly T[], count: number): T[] {
		const pool = [...items];
		const chosen: T[] = [];
		while (chosen.length < count && pool.length > 0) {
			chosen.push(pool.splice(Math.floor(next() * pool.length), 1)[0] as T);
		}
		return chosen;
	}

	function uuid(): string {
		const hex: string[] = [];
		for (let i = 0; i < 4; i++)
			hex.push(
				Math.floor(next() * 4294967296)
					.toString(16)
					.padStart(8, '0')
			);
		const digits = hex.join('');
		const variant = ((parseInt(digits[16] as string, 16) & 0x3) | 0x8).toString(16);
		return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-4${digits.slice(13, 16)}-${variant}${digits.slice(17, 20)}-${digits.slice(20, 32)}`;
	}

	return {
		next,
		int,
		chance: (probability) => next() < probability,
		pick,
		weighted,
		gaussian,
		sample,
		uuid,
		fork: (label) => createRandom(`${seed}/${label}`)
	};
}
