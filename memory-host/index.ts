export { MemoryWorkbook, sameCellValue, type MemoryCounters } from './memory-workbook.js';
export { MemorySheet, inRange, type MemoryCell } from './memory-sheet.js';
