/** Vietnamese family names: a contact whose last name is one of them is written family name first. */
const VN_FAMILY = new Set(
  (
    'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Mai Đoàn Lâm Tô Trịnh ' +
    'Cao Lưu Hà Tạ Châu Quách Kiều Thái Văn Tăng Lương Đào Phùng Vương Từ Khổng Chu La Quan Triệu Hứa Mạc'
  ).split(' '),
);

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
 */
export function contactName(c: Named): string {
  const first = c.firstName?.trim() ?? '';
  const last = c.lastName?.trim() ?? '';
  const name = (VN_FAMILY.has(last) ? `${last} ${first}` : `${first} ${last}`).trim();
  return name || c.emails?.[0] || c.phones?.[0] || '—';
}
