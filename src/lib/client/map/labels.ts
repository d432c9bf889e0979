/**
 * Map labels built as DOM text. Leaflet writes a string tooltip or divIcon in as HTML, so a venue
 * name (imported, or proposed from the field) such as `<img src="https://…">` would make every
 * phone that shows it request that address — a tip-off. Everything drawn on a map goes through
 * here as text (`textContent`), never as markup.
 */

/** A tooltip's content: a function, so the element is built when the tooltip opens (thousands of venues). */
export function textTooltip(text: string): () => HTMLElement {
	return () => {
		const label = document.createElement('span');
		label.textContent = text;
		return label;
	};
}

/** The numbered badge of a route stop; `colour` is set through the style object, never parsed as CSS text. */
export function stopBadge(order: number, colour?: string): HTMLElement {
	const badge = document.createElement('span');
	badge.textContent = String(order);
	if (colour) badge.style.background = colour;
	return badge;
}
