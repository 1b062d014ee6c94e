/** Props shared by the print frame's parts. */
export interface PrintColumn {
  key: string
  label: string
  /** CSS width, e.g. `12%`. */
  width: string
  align?: 'left' | 'center' | 'right'
  /** Short words (来源 接待登记, a time): never broken inside a word; the column widens to its longest (print-columns.ts). */
  keepWords?: boolean
}

export interface PrintMetaField {
  label: string
  /** Empty on blank forms: a line to write on. */
  value: string
}

export type PrintRow = Record<string, string>

/** A field of a blank form's block (PrintBlankBlock): its label and the room to write in by hand. */
export interface PrintBlankField {
  label: string
  /** CSS height of its cell; the block's own when not given. */
  height?: string
}

export const MM = 96 / 25.4
export const PAGE_MARGIN_MM = 12
export const A4 = { portrait: { w: 210, h: 297 }, landscape: { w: 297, h: 210 } } as const
