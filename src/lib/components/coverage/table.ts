/** A column of a SortableTable: what it sorts by, how it prints, where a cell links to. */
export type Column<Row> = {
	key: string;
	label: string;
	numeric?: boolean;
	/** What the column sorts by; null sorts last either way. */
	value: (row: Row) => string | number | null;
	display?: (row: Row) => string;
	href?: (row: Row) => string | null;
};

export type SortDirection = 'ascending' | 'descending';
