/** Cells of a first buffer, or of a block of rows: 65,536 numbers (512 KiB). */
const BLOCK_CELLS = 65_536;

const NO_CELLS = new Float64Array(0);

/**
 * The numbers of a file's numeric columns, one growing Float64Array per column (all grow together, by
 * doubling, from 65,536 cells in all), for files of up to a few thousand columns: `columns()` gives
 * them without a copy. A wider file is held by {@link RowStore}.
 * @internal
 */
export class ColumnStore {
  /** One array per column; rows `0` to `rows - 1` are filled. */
  columns: Float64Array[];
  /** Rows added. */
  rows = 0;
  private capacity: number;

  constructor(width: number) {
    this.capacity = width === 0 ? 0 : Math.max(4, Math.floor(BLOCK_CELLS / width));
    this.columns = Array.from({ length: width }, () => new Float64Array(this.capacity));
  }

  /** Adds a row and returns its index: its cells are `columns[j][row]`. */
  nextRow(): number {
    if (this.rows === this.capacity && this.columns.length > 0) {
      this.capacity *= 2;
      this.columns = this.columns.map((old) => {
        const next = new Float64Array(this.capacity);
        next.set(old);
        return next;
      });
    }
    return this.rows++;
  }

  /** Column `j` (0 to `width - 1`), one value per row (a view of the store's array). */
  column(j: number): Float64Array {
    return (this.columns[j] as Float64Array).subarray(0, this.rows);
  }
}

/**
 * The numbers of a wide file's numeric columns, held row by row in blocks of about 65,536 cells (a block
 * holds at least one row), so that a column costs nothing until it is asked for: a file a million
 * columns wide and two rows deep holds two blocks, not a million arrays (issue 20 item 14).
 * `column(j)` makes one column (reading one cell of each row).
 * @internal
 */
export class RowStore {
  /** Cells of a row (the number of numeric columns). */
  readonly width: number;
  /** Rows added. */
  rows = 0;
  /** Where the row given by the last `nextRow()` starts in its block. */
  offset = 0;
  private readonly rowsPerBlock: number;
  private readonly blocks: Float64Array[] = [];
  private block: Float64Array = NO_CELLS;
  private next = 0;

  constructor(width: number) {
    this.width = width;
    this.rowsPerBlock = width === 0 ? 0 : Math.max(1, Math.floor(BLOCK_CELLS / width));
  }

  /** Adds a row and returns its block: its cells are `block[offset]` to `block[offset + width - 1]`. */
  nextRow(): Float64Array {
    this.rows++;
    if (this.width === 0) return NO_CELLS;
    if (this.next === this.block.length) {
      this.block = new Float64Array(this.rowsPerBlock * this.width);
      this.blocks.push(this.block);
      this.next = 0;
    }
    this.offset = this.next;
    this.next += this.width;
    return this.block;
  }

  /** Column `j` (0 to `width - 1`), one value per row, in a new array. */
  column(j: number): Float64Array {
    const { width, rowsPerBlock } = this;
    const out = new Float64Array(this.rows);
    let row = 0;
    for (const block of this.blocks) {
      const end = Math.min(this.rows, row + rowsPerBlock);
      for (let p = j; row < end; row++, p += width) out[row] = block[p]!;
    }
    return out;
  }
}
