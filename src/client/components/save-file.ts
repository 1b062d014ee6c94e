/** Hand a file made in the browser to the browser's downloads: a Blob behind an object URL, no server involved (works offline). */
export function saveFile(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Some browsers read the URL after click() returns; let them.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
