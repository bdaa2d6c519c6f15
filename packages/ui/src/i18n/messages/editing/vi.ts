import type { Catalog } from '../catalog.js';
import type { en } from './en.js';

/** The Vietnamese strings of editing: a form's field checks and the prompt after a write that lost a race (412). */
export const vi: Catalog<typeof en> = {
  'conflict.title': 'Người khác vừa thay đổi nội dung này',
  'conflict.description': 'Bản ghi đã được cập nhật trong lúc bạn chỉnh sửa. Hãy chọn phiên bản muốn giữ.',
  'conflict.keepMine': 'Giữ bản của tôi',
  'conflict.takeTheirs': 'Dùng bản của họ',
  'conflict.yours': 'Bản của bạn',
  'conflict.theirs': 'Bản của họ',
  'validation.required': 'Trường này là bắt buộc.',
  'validation.email': 'Nhập địa chỉ email hợp lệ, ví dụ name@example.com.',
  'validation.phone': 'Nhập số điện thoại hợp lệ, ví dụ 0901 234 567 hoặc +84 901 234 567.',
  'validation.url': 'Nhập địa chỉ web hợp lệ.',
  'validation.number': 'Nhập một số.',
  'validation.numberLike': 'Nhập một số, ví dụ {example}.',
  'validation.separators': 'Viết theo dạng {example}.',
  'validation.decimals': { other: 'Tối đa {count} chữ số thập phân.' },
  'validation.noDecimals': 'Loại tiền này không có phần thập phân.',
  'validation.tooLarge': 'Số quá lớn.',
  'validation.date': 'Nhập ngày hợp lệ.',
  'validation.min': 'Nhập giá trị từ {min} trở lên.',
  'validation.max': 'Nhập giá trị không quá {max}.',
  'validation.tooLong': { other: 'Tối đa {count} ký tự.' },
  'validation.duplicate': 'Giá trị này đã được sử dụng.',
  'validation.invalid': 'Vui lòng kiểm tra lại giá trị này.',
  'validation.summary': { other: 'Vui lòng sửa {count} trường để tiếp tục.' },
};
