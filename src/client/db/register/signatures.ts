/**
 * Saving a signature drawn on the tablet. For a request, the owner's confirmation is the signature
 * plus a `signed` timeline event pointing at it, written in one transaction; a review's is the
 * reviewer's own.
 */
import { newId } from '@shared/domain/ids'
import { SignatureSchema, type Signature } from '@shared/domain/signature'
import { isValid } from '@shared/domain/validation'
import type { Role } from '@shared/domain/role'
import type { DeskbookDb } from '../database'
import type { Actor } from '../write-records'
import { writeRecords } from '../write-records'
import { addReceptionEvent, ReceptionInvalidError } from './receptions'
import { toStorageError } from '../errors'

export interface SignatureInput {
  subjectType: 'reception' | 'review' | 'handover'
  subjectId: string
  signerName: string
  image: string
}

export async function saveSignature(db: DeskbookDb, actor: Actor & { staffId: string }, role: Role, input: SignatureInput, now = Date.now()): Promise<Signature> {
  const signature: Signature = {
    id: newId(),
    siteId: actor.siteId,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    signerName: input.signerName.trim(),
    signerStaffId: null,
    image: input.image,
    signedAt: now,
  }
  if (!isValid(SignatureSchema, signature)) throw new ReceptionInvalidError(['signatureRequired'])
  try {
    return await db.transaction('rw', [db.signatures, db.receptions, db.receptionEvents, db.receptionIndex, db.outbox, db.meta], async () => {
      await writeRecords(db, actor, [{ table: 'signatures', row: signature, key: signature.id, name: 'signature.add' }], now)
      // On a request, the owner's confirmation also shows on its timeline.
      if (input.subjectType === 'reception') await addReceptionEvent(db, actor, role, input.subjectId, { type: 'signed', note: signature.signerName, signatureId: signature.id }, now)
      return signature
    })
  } catch (e) {
    if (e instanceof ReceptionInvalidError) throw e
    throw toStorageError(e)
  }
}
