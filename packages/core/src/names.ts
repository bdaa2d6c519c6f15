/**
 * How people's names are written and read back: Vietnamese names family name first (`Nguyễn Văn An`), others given
 * name first (`Somchai Jaidee`, `Emily Carter`). The widgets display names with {@link contactName}; hosts that
 * write a contact's name beside them should use it too.
 */

/** Vietnamese family names: a contact whose last name is one of them is written family name first. */
const VN_FAMILY_NAMES =
  'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Mai Đoàn Lâm Tô Trịnh ' +
  'Cao Lưu Hà Tạ Châu Quách Kiều Thái Văn Tăng Lương Đào Phùng Vương Từ Khổng Chu La Quan Triệu Hứa Mạc';
// Built on first use, so a bundle that never formats a name drops the list.
let vnFamily: ReadonlySet<string> | undefined;
function isVietnameseFamilyName(name: string): boolean {
  vnFamily ??= new Set(VN_FAMILY_NAMES.split(' '));
  return vnFamily.has(name.normalize('NFC'));
}

/** The parts of a contact that name it. */
export interface Named {
  firstName?: string | null;
  lastName?: string | null;
  emails?: readonly string[];
  phones?: readonly string[];
}

/**
 * A contact's name as people write it: Vietnamese family name first (`Nguyễn Văn An`), others given name first
 * (`Somchai Jaidee`, `Emily Carter`); the primary email or phone when it has no name.
 *
 * @example
 * contactName({ firstName: 'Văn An', lastName: 'Nguyễn' }); // 'Nguyễn Văn An'
 * contactName({ firstName: 'Emily', lastName: 'Carter' }); // 'Emily Carter'
 */
export function contactName(c: Named): string {
  const first = c.firstName?.trim() ?? '';
  const last = c.lastName?.trim() ?? '';
  const name = (isVietnameseFamilyName(last) ? `${last} ${first}` : `${first} ${last}`).trim();
  return name || c.emails?.[0] || c.phones?.[0] || '—';
}

/**
 * Splits a full name into first and last name by a locale's convention: Vietnamese (`vi…`) puts the family name
 * first, other locales last. One word is a first name.
 *
 * @example
 * splitName('Nguyễn Văn An', 'vi-VN'); // { firstName: 'Văn An', lastName: 'Nguyễn' }
 * splitName('Emily Carter', 'en'); // { firstName: 'Emily', lastName: 'Carter' }
 */
export function splitName(full: string, locale: string): { firstName: string; lastName: string } {
  const parts = full.trim().split(/\s+/);
  if (parts.length < 2) return { firstName: parts[0] ?? '', lastName: '' };
  if (locale.toLowerCase().startsWith('vi')) return { lastName: parts[0]!, firstName: parts.slice(1).join(' ') };
  return { firstName: parts[0]!, lastName: parts.slice(1).join(' ') };
}
