/**
 * Counters, histograms and gauges kept in this process, written in Prometheus' text format
 * (version 0.0.4). A few dozen lines instead of a dependency: the app needs no summaries, no
 * push gateway and no default collectors. Each server process is scraped on its own.
 */

export type Labels = Record<string, string>;

type Series<T> = { labels: Labels; value: T };

/** Label values escaped as the format asks: backslash, double quote and newline. */
function escapeLabel(value: string): string {
	return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labelText(labels: Labels): string {
	const pairs = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabel(value)}"`);
	return pairs.length ? `{${pairs.join(',')}}` : '';
}

function numberText(value: number): string {
	if (value === Infinity) return '+Inf';
	if (value === -Infinity) return '-Inf';
	return Number.isNaN(value) ? 'NaN' : String(value);
}

const keyOf = (labels: Labels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));

function header(name: string, help: string, type: string): string[] {
	return [`# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`, `# TYPE ${name} ${type}`];
}

export class Counter {
	private series = new Map<string, Series<number>>();
	constructor(
		readonly name: string,
		readonly help: string
	) {}

	inc(labels: Labels = {}, by = 1): void {
		const key = keyOf(labels);
		const current = this.series.get(key);
		if (current) current.value += by;
		else this.series.set(key, { labels, value: by });
	}

	render(): string[] {
		return [
			...header(this.name, this.help, 'counter'),
			...[...this.series.values()].map((s) => `${this.name}${labelText(s.labels)} ${numberText(s.value)}`)
		];
	}
}

type Buckets = { counts: number[]; sum: number; count: number };

export class Histogram {
	private series = new Map<string, Series<Buckets>>();
	constructor(
		readonly name: string,
		readonly help: string,
		/** Upper bounds, ascending; +Inf is added. */
		readonly bounds: readonly number[]
	) {}

	observe(labels: Labels, value: number): void {
		const key = keyOf(labels);
		let buckets = this.series.get(key)?.value;
		if (!buckets) {
			buckets = { counts: this.bounds.map(() => 0), sum: 0, count: 0 };
			this.series.set(key, { labels, value: buckets });
		}
		// Cumulative, as the format has them: a value counts in every bucket whose bound it fits under.
		this.bounds.forEach((bound, i) => {
			if (value <= bound) buckets.counts[i]!++;
		});
		buckets.sum += value;
		buckets.count++;
	}

	render(): string[] {
		const lines = header(this.name, this.help, 'histogram');
		for (const { labels, value } of this.series.values()) {
			this.bounds.forEach((bound, i) =>
				lines.push(`${this.name}_bucket${labelText({ ...labels, le: numberText(bound) })} ${value.counts[i]}`)
			);
			lines.push(`${this.name}_bucket${labelText({ ...labels, le: '+Inf' })} ${value.count}`);
			lines.push(`${this.name}_sum${labelText(labels)} ${numberText(value.sum)}`);
			lines.push(`${this.name}_count${labelText(labels)} ${value.count}`);
		}
		return lines;
	}
}

/** A value read when scraped (memory, pool size), not kept. */
export type Gauge = { name: string; help: string; values: { labels?: Labels; value: number }[] };

export function renderGauge({ name, help, values }: Gauge): string[] {
	return [
		...header(name, help, 'gauge'),
		...values.map(({ labels = {}, value }) => `${name}${labelText(labels)} ${numberText(value)}`)
	];
}

/** The whole exposition: each metric's lines, and the newline the format ends with. */
export function exposition(parts: string[][]): string {
	return `${parts.flat().join('\n')}\n`;
}
