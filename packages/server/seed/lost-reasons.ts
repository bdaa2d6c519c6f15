import type { WorkspaceSettingsInput } from '../src/core/settings.js';
import { t } from './settings.js';

type LostReasons = NonNullable<WorkspaceSettingsInput['lostReasons']>;

/** Why the software company's deals are lost: offered when a deal is dropped on a lost stage, plus free text. */
export const SOFTWARE_LOST_REASONS: LostReasons = {
  reasons: [
    { key: 'competitor', label: t('Chose a competitor', 'Chọn nhà cung cấp khác', 'เลือกคู่แข่ง') },
    { key: 'price', label: t('Over budget', 'Giá cao hơn ngân sách', 'เกินงบประมาณ') },
    { key: 'postponed', label: t('Project postponed', 'Dự án bị hoãn', 'โครงการถูกเลื่อน') },
    { key: 'no_decision_maker', label: t('No decision maker', 'Không gặp được người quyết định', 'ติดต่อผู้ตัดสินใจไม่ได้') },
  ],
  allowOther: true,
};

/** Why the fitness club's members do not renew. */
export const FITNESS_LOST_REASONS: LostReasons = {
  reasons: [
    { key: 'moved', label: t('Moved away', 'Chuyển nhà', 'ย้ายที่อยู่') },
    { key: 'other_gym', label: t('Joined another gym', 'Chuyển sang phòng tập khác', 'ย้ายไปฟิตเนสอื่น') },
    { key: 'no_time', label: t('No time to train', 'Không có thời gian tập', 'ไม่มีเวลาออกกำลังกาย') },
    { key: 'price', label: t('Too expensive', 'Giá cao', 'ราคาแพงเกินไป') },
  ],
  allowOther: true,
};
