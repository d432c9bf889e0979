/**
 * The tab bar scrolls sideways when a role has more tabs than a phone is wide (an admin has six):
 * this keeps the tab of the page shown in view, so the bar always says where the user is.
 */
export function scrollCurrentTabIntoView(list: HTMLElement): void {
	const current = list.querySelector<HTMLElement>('[aria-current="page"]');
	if (!current) return;
	const row = list.getBoundingClientRect();
	const tab = current.getBoundingClientRect();
	// Only the bar moves: scrollIntoView could also scroll the page under it.
	if (tab.left < row.left) list.scrollLeft -= row.left - tab.left;
	else if (tab.right > row.right) list.scrollLeft += tab.right - row.right;
}
