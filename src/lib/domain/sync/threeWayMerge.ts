/**
 * Three-way merge of a device's edit against the server's current record, from the version the
 * device edited. A field changed on one side only takes that side's value; a field changed on both
 * sides to different values is a conflict and keeps the server's value (the caller keeps the
 * device's copy). Nested maps named in `perKey` (checklist answers) merge key by key, never as one
 * blob, so two inspectors answering different items never conflict. Without a base (a version
 * the server no longer has), every field held differently counts as changed on both sides: a
 * conflict, never a silent overwrite.
 */
export type Fields = Record<string, unknown>;
export type MergeResult = { merged: Fields; conflicts: string[]; changed: boolean };

export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (a === undefined || b === undefined) return a === b || (a ?? null) === (b ?? null);
	return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(canonical);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.keys(value as Fields)
				.sort()
				.map((k) => [k, canonical((value as Fields)[k])])
		);
	}
	return value ?? null;
}

function isMap(value: unknown): value is Fields {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function threeWayMerge(
	base: Fields | null,
	server: Fields,
	device: Fields,
	perKey: readonly string[] = [],
	prefix = ''
): MergeResult {
	const merged: Fields = { ...server };
	const conflicts: string[] = [];
	let changed = false;
	for (const key of Object.keys(device)) {
		const deviceValue = device[key];
		const baseValue = base?.[key];
		const serverValue = server[key];
		if (sameValue(deviceValue, serverValue) || (base && sameValue(deviceValue, baseValue))) continue;
		if (perKey.includes(key) && isMap(deviceValue) && isMap(serverValue ?? {}) && isMap(baseValue ?? {})) {
			const nestedBase = base ? ((baseValue ?? {}) as Fields) : null;
			const nested = threeWayMerge(nestedBase, (serverValue ?? {}) as Fields, deviceValue, [], `${prefix}${key}.`);
			merged[key] = nested.merged;
			conflicts.push(...nested.conflicts);
			changed ||= nested.changed;
			continue;
		}
		if (base && sameValue(serverValue, baseValue)) {
			merged[key] = deviceValue;
			changed = true;
		} else {
			conflicts.push(`${prefix}${key}`);
		}
	}
	return { merged, conflicts, changed };
}
