/**
 * A raw table as read from a CSV file or an XLSX sheet, before any interpretation: strings only,
 * with the physical position of every cell kept so issues can name file, sheet, row and column.
 */

export interface RawTable {
  /** the file name as given by the caller (shown in issues) */
  readonly file: string;
  /** XLSX sheet name; absent for CSV */
  readonly sheet?: string;
  /** detected or declared encoding of a CSV file: "utf-8", "utf-8-bom", "gb18030" */
  readonly encoding?: string;
  /** header cells (after title rows were skipped and merged header cells resolved) */
  readonly header: readonly string[];
  /** 1-based physical row number of the header row */
  readonly headerRow: number;
  /** data rows (cells as trimmed strings; "" for empty) */
  readonly rows: readonly (readonly string[])[];
  /** 1-based physical row number of each data row (same length as rows) */
  readonly rowNumbers: readonly number[];
  /** title lines found above the header (e.g. "2020年投入产出表 单位：万元"), kept for unit detection */
  readonly titleLines: readonly string[];
  /** 1-based physical row of each title line (same length as titleLines); set by the ingest readers */
  readonly titleRowNumbers?: readonly number[];
  /**
   * Only for a header spanning two rows (XLSX merged group cells): per column, the upper-row group
   * text shown above a column whose name came from the lower row (e.g. "中间使用" above "01"), else "".
   * `headerRow` is then the lower header row.
   */
  readonly headerGroups?: readonly string[];
  /** number of physical rows the header spans (absent = 1) */
  readonly headerRowSpan?: number;
}
