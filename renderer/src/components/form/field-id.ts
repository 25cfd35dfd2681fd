/** A stable DOM id for a form path, so the error summary can link to the field. */
export function fieldId(path: string): string {
  return `f-${path.replace(/\./g, '-')}`;
}

/** Move focus to a field by its form path (first radio of a group, or the control itself). */
export function focusField(path: string): void {
  const el = document.getElementById(fieldId(path)) ?? document.querySelector<HTMLElement>(`[data-field="${path}"]`);
  el?.focus();
}
