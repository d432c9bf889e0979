import { describe, expect, it } from 'vitest';
import { logLine } from '../../src/lib/server/log.ts';
import { Counter, exposition, Histogram, renderGauge } from '../../src/lib/server/metrics/registry.ts';
import { readOutboxSize } from '../../src/lib/server/metrics/index.ts';
import { bearerMatches } from '../../src/lib/server/metrics/token.ts';
import { requestIdFrom } from '../../src/lib/server/requestLog.ts';
import { readConfig } from '../../src/lib/server/config.ts';
import { beginShutdown, readiness } from '../../src/lib/server/readiness.ts';

const at = new Date('2026-12-03T21:00:00.000Z');

describe('a log line', () => {
	it('is one JSON object: time, level and message first, then the fields', () => {
		const line = logLine('info', 'request', { requestId: 'r1', status: 200, ms: 3.5 }, at);
		expect(line).toBe(
			'{"time":"2026-12-03T21:00:00.000Z","level":"info","msg":"request","requestId":"r1","status":200,"ms":3.5}'
		);
	});

	it('keeps a message with newlines and quotes on one line', () => {
		const line = logLine('error', 'failed\n  at x "y"', {}, at);
		expect(line).not.toContain('\n');
		expect(JSON.parse(line).msg).toBe('failed\n  at x "y"');
	});

	it('lets no field replace time, level or message, and leaves out undefined ones', () => {
		const parsed = JSON.parse(logLine('warn', 'real', { msg: 'fake', level: 'info', stack: undefined }, at));
		expect(parsed).toEqual({ time: '2026-12-03T21:00:00.000Z', level: 'warn', msg: 'real' });
	});
});

describe("a request's id", () => {
	it('is the caller’s when it is up to 64 letters, digits, dots, dashes and underscores', () => {
		expect(requestIdFrom('lb-7f3a.01_X')).toBe('lb-7f3a.01_X');
		expect(requestIdFrom('a'.repeat(64))).toBe('a'.repeat(64));
	});

	it('is a new one for anything else', () => {
		for (const given of [null, '', 'a'.repeat(65), 'has space', 'name=Arbnora', 'x\ny', 'ë'])
			expect(requestIdFrom(given)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
	});
});

describe('the Prometheus text format', () => {
	it('writes a counter per label set, with HELP and TYPE, escaping label values', () => {
		const counter = new Counter('http_requests_total', 'Requests.');
		counter.inc({ route: '/a', status: '200' });
		counter.inc({ route: '/a', status: '200' });
		counter.inc({ route: 'say "hi"\\\n', status: '500' });
		expect(exposition([counter.render()])).toBe(
			[
				'# HELP http_requests_total Requests.',
				'# TYPE http_requests_total counter',
				'http_requests_total{route="/a",status="200"} 2',
				'http_requests_total{route="say \\"hi\\"\\\\\\n",status="500"} 1',
				''
			].join('\n')
		);
	});

	it('writes a histogram with cumulative buckets, +Inf, sum and count', () => {
		const histogram = new Histogram('took_seconds', 'Time.', [0.1, 1]);
		histogram.observe({ route: '/a' }, 0.05);
		histogram.observe({ route: '/a' }, 0.5);
		histogram.observe({ route: '/a' }, 2);
		expect(histogram.render()).toEqual([
			'# HELP took_seconds Time.',
			'# TYPE took_seconds histogram',
			'took_seconds_bucket{route="/a",le="0.1"} 1',
			'took_seconds_bucket{route="/a",le="1"} 2',
			'took_seconds_bucket{route="/a",le="+Inf"} 3',
			'took_seconds_sum{route="/a"} 2.55',
			'took_seconds_count{route="/a"} 3'
		]);
	});

	it('writes a gauge without labels', () => {
		expect(renderGauge({ name: 'up_seconds', help: 'Up.', values: [{ value: 12 }] })).toEqual([
			'# HELP up_seconds Up.',
			'# TYPE up_seconds gauge',
			'up_seconds 12'
		]);
	});
});

describe("a device's reported outbox size", () => {
	it('is a small whole number or nothing', () => {
		expect(readOutboxSize('0')).toBe(0);
		expect(readOutboxSize('42')).toBe(42);
		for (const given of [null, '', '-1', '1.5', '1e3', 'many', '10000000']) expect(readOutboxSize(given)).toBeNull();
	});
});

describe('the metrics token', () => {
	it('matches only "Bearer" and the exact token', () => {
		expect(bearerMatches('Bearer s3cret', 's3cret')).toBe(true);
		expect(bearerMatches('bearer s3cret', 's3cret')).toBe(true);
		for (const given of [null, '', 's3cret', 'Bearer s3cre', 'Bearer s3cret2', 'Basic s3cret', 'Bearer  '])
			expect(bearerMatches(given, 's3cret')).toBe(false);
	});
});

describe('REPORTING_TIME_ZONE', () => {
	it('is Europe/Belgrade unless set, and a known zone when set', () => {
		expect(readConfig({}).reportingTimeZone).toBe('Europe/Belgrade');
		expect(readConfig({ REPORTING_TIME_ZONE: 'UTC' }).reportingTimeZone).toBe('UTC');
		expect(readConfig({ REPORTING_TIME_ZONE: ' Europe/Tirane ' }).reportingTimeZone).toBe('Europe/Tirane');
	});

	it('stops the start when it is not a zone, saying which setting and what it got', () => {
		expect(() => readConfig({ REPORTING_TIME_ZONE: 'Europe/Prishtina' })).toThrow(
			/REPORTING_TIME_ZONE must be an IANA time zone .* not "Europe\/Prishtina"/
		);
	});
});

describe('readiness once a shutdown has begun', () => {
	it('is refused with its reason before the database is asked', async () => {
		beginShutdown();
		expect(await readiness()).toEqual({ ready: false, reason: 'shutting_down' });
	});
});
