/** a reporter's name in lists keeps its first character (测*****, t**). */
export function maskName(name: string | undefined): string {
  if (!name) return '';
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
}

/** a phone number keeps its first three and last four digits (138****5678). */
export function maskPhone(phone: string | undefined): string {
  if (!phone) return '';
  const digits = [...phone];
  if (digits.length <= 7) return digits[0] + '*'.repeat(digits.length - 1);
  return digits.slice(0, 3).join('') + '*'.repeat(digits.length - 7) + digits.slice(-4).join('');
}
