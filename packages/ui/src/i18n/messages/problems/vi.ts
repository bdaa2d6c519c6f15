import type { Catalog } from '../catalog.js';
import type { en } from './en.js';

/** The Vietnamese words of what a server refused, by the field error's code. */
export const vi: Catalog<typeof en> = {
  'problem.required': 'Trường này là bắt buộc.',
  'problem.tooLong': 'Tối đa {max} ký tự.',
  'problem.tooShort': 'Tối thiểu {min} ký tự.',
  'problem.tooMany': 'Chọn tối đa {max}.',
  'problem.tooFew': 'Chọn ít nhất {min}.',
  'problem.min': 'Nhập giá trị từ {min} trở lên.',
  'problem.max': 'Nhập giá trị không quá {max}.',
  'problem.number': 'Nhập một số.',
  'problem.integer': 'Nhập số nguyên.',
  'problem.invalidType': 'Giá trị này không đúng kiểu.',
  'problem.email': 'Nhập địa chỉ email hợp lệ, ví dụ ten@congty.vn.',
  'problem.phone': 'Nhập số điện thoại hợp lệ kèm mã quốc gia (+84 90 123 4567).',
  'problem.url': 'Nhập địa chỉ web hợp lệ, ví dụ https://congty.vn.',
  'problem.date': 'Nhập ngày hợp lệ.',
  'problem.dateTime': 'Nhập ngày giờ hợp lệ.',
  'problem.currency': 'Nhập mã tiền tệ, ví dụ VND hoặc THB.',
  'problem.oneOf': 'Chọn một trong các giá trị: {options}.',
  'problem.unknownField': 'Không có trường này: {fields}.',
  'problem.notFound': 'Bản ghi này không còn tồn tại.',
  'problem.notInPipeline': 'Giai đoạn này không thuộc quy trình {pipeline}.',
  'problem.lostReasonRequired': 'Hãy nêu lý do để chuyển sang {stage}.',
  'problem.linkRequired': 'Hãy liên kết với một người liên hệ, công ty, cơ hội hoặc phiếu hỗ trợ.',
  'problem.nameOrContact': 'Nhập tên, email hoặc số điện thoại.',
  'problem.unknownPlaceholder': 'Không có trường {placeholder} để điền vào.',
  'problem.malformedPlaceholder': 'Có một chỗ điền chưa đóng hoặc viết sai.',
  'problem.noTestAddress': 'Bạn chưa có địa chỉ riêng trên kênh này để nhận bản gửi thử.',
  'problem.future': 'Chọn một thời điểm trong tương lai.',
  'problem.changed': 'Người khác vừa thay đổi bản ghi này; hãy thử lại.',
};
