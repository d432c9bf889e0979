/** The app's form, message and table primitives: one file a part, imported from here. */
export { default as ActionButton } from './ActionButton.svelte';
export { default as Alert } from './Alert.svelte';
export { default as ChoiceList, type Choice } from './ChoiceList.svelte';
export { default as DataTable, type DataColumn } from './DataTable.svelte';
export { default as Field, type FieldControl } from './Field.svelte';
export { default as Select, type SelectOption } from './Select.svelte';
