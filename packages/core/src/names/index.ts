export { type Addressed, addressName } from './address.js';
export { foldName } from './fold.js';
export { contactName, type Named, type NameOrder, nameOrderOf } from './order.js';
export { splitSalutation } from './salutation.js';
export { type SplitName, splitName } from './split.js';
export { isVietnamese, isVietnameseFamily } from './vietnamese.js';
