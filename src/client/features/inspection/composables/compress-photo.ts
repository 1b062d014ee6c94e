/**
 * A photo from the tablet's camera made small enough to store and sync (InspectionPhotoSchema): drawn
 * on a canvas with its longest side at most 1280 px and encoded as JPEG, at lower quality or size
 * until the data URL fits MAX_PHOTO_BYTES. createImageBitmap honours the EXIF orientation of iPad photos.
 */
import { MAX_PHOTO_BYTES } from '@shared/domain/inspection'

export const MAX_PHOTO_SIDE = 1280

export class PhotoUnreadableError extends Error {
  override readonly name = 'PhotoUnreadableError'
}

async function decode(file: Blob): Promise<CanvasImageSource & { width: number; height: number }> {
  if (typeof createImageBitmap === 'function') return createImageBitmap(file, { imageOrientation: 'from-image' })
  const url = URL.createObjectURL(file)
  try {
    const img = new Image()
    img.src = url
    await img.decode()
    return img
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** The JPEG data URL of `file`, or PhotoUnreadableError when it is no image the browser can draw or it will not shrink enough. */
export async function compressPhoto(file: Blob, maxBytes = MAX_PHOTO_BYTES): Promise<string> {
  let image: CanvasImageSource & { width: number; height: number }
  try {
    image = await decode(file)
  } catch (e) {
    throw new PhotoUnreadableError('not an image', { cause: e })
  }
  const canvas = document.createElement('canvas')
  const ctx = canvas.getContext('2d')
  if (!ctx || !image.width || !image.height) throw new PhotoUnreadableError('no canvas')
  // Quality first, then size: a finding must stay legible, so 0.4 is as low as quality goes.
  for (const side of [MAX_PHOTO_SIDE, 1024, 800, 640]) {
    const scale = Math.min(1, side / Math.max(image.width, image.height))
    canvas.width = Math.round(image.width * scale)
    canvas.height = Math.round(image.height * scale)
    ctx.fillStyle = '#fff'
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height)
    for (const quality of [0.7, 0.55, 0.4]) {
      const url = canvas.toDataURL('image/jpeg', quality)
      if (url.startsWith('data:image/jpeg') && url.length < maxBytes) return url
    }
  }
  throw new PhotoUnreadableError('too large')
}
