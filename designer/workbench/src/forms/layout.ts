/**
 * Column spans (of 24) for @rjsf/antd's object template (formContext.colSpan): short inputs two to a
 * row, long ones (text areas, lists, uploads, the map) across; hidden fields take no column.
 */
export const TWO_COLUMNS: Record<string, number> = {
  hidden: 0,
  textarea: 24, checkboxes: 24, attachments: 24, mapPoint: 24,
  text: 12, select: 12, radio: 12, checkbox: 12, updown: 12, range: 12, date: 12, datetime: 12, email: 12, uri: 12,
  itemPicker: 12, gridPicker: 12, regionPicker: 12, departmentPicker: 12, userPicker: 12,
  string: 12, number: 12, integer: 12, boolean: 12, array: 24, object: 24,
};
